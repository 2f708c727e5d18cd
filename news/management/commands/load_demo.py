"""Fill an empty site with original demo content: categories, 40 articles, pictures,
two photo albums, three side-column banners and three contact-form departments.

Idempotent: demo rows are recognised by their slugs, so a second run finds them and
stops. ``--reset`` deletes the demo rows (and their pictures) and writes them again;
rows an editor created are never touched.
"""

import math
import random
import time
from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from news import demo_content as demo
from news.gallery.models import Album
from news.gallery.services import add_photos
from news.images import RENDITIONS, rendition_name
from news.models import Article, Category, Tag
from news.text import fold, slugify_vi
from portal.contact.models import Department
from portal.models import Banner, SiteSettings

SEED = 2024
ARTICLE_COUNT = 40
DRAFT_COUNT = 3
FEATURED_COUNT = 5
BODY_IMAGES = [f"uploads/demo/anh-minh-hoa-{n}.jpg" for n in range(1, 7)]
SCENES = ["fields", "lake", "hills"]
CATEGORY_SLUGS = [row[0] for row in demo.CATEGORIES]
DEMO_TAGS = sorted(
    {tag for topic in demo.TOPICS for tag in topic["tags"]}
    | set(demo.FIXED_ARTICLE["tags"])
)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chuyên mục, 40 bài viết có ảnh, cấu hình trang); chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xóa các bài viết, chuyên mục và ảnh mẫu rồi tạo lại.",
        )

    def handle(self, *args, reset=False, **options):
        started = time.monotonic()
        specs = article_specs(timezone.now())
        if reset:
            remove_demo_albums()
            removed = remove_demo(specs)
            self.stdout.write(f"Đã xóa {removed} bài viết mẫu.")
        present = set(
            Article.objects.filter(
                slug__in=[spec["slug"] for spec in specs],
                category__slug__in=CATEGORY_SLUGS,
            ).values_list("slug", flat=True)
        )
        missing = [spec for spec in specs if spec["slug"] not in present]
        albums, banners = ensure_albums(), ensure_banners()
        if albums or banners:
            self.stdout.write(f"Đã nạp {albums} album ảnh và {banners} biểu ngữ mẫu.")
        departments = ensure_departments()
        if departments:
            self.stdout.write(f"Đã nạp {departments} bộ phận nhận thư liên hệ mẫu.")
        if not missing:
            self.stdout.write(
                f"Dữ liệu mẫu đã có ({len(specs)} bài viết); không tạo thêm gì. "
                "Dùng --reset để tạo lại."
            )
            return
        with transaction.atomic():
            categories = ensure_categories()
            write_body_images()
            for spec in missing:
                create_article(spec, categories)
            fill_site_settings()
        seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu: {len(categories)} chuyên mục, {len(missing)} bài viết "
                f"({sum(s['status'] == Article.Status.DRAFT for s in missing)} nháp, "
                f"{sum(s['status'] == Article.Status.REVIEW for s in missing)} chờ duyệt, "
                f"{sum(s['publish_at'] > timezone.now() for s in missing)} hẹn giờ đăng, "
                f"{sum(s['featured'] for s in missing)} nổi bật, "
                f"{sum(bool(s['scene']) for s in missing)} ảnh) trong {seconds} giây."
            )
        )


def article_specs(now):
    """The demo articles as plain dicts; the same texts and slugs on every run."""
    rng = random.Random(SEED)
    candidates = [(topic, title) for topic in demo.TOPICS for title in topic["titles"]]
    rng.shuffle(candidates)
    specs, featured = [], 0
    for index, (topic, title) in enumerate(candidates[: ARTICLE_COUNT - 1]):
        if index == 0:  # the one scheduled article
            publish_at = now + timedelta(days=2)
        else:
            publish_at = now - timedelta(minutes=rng.randint(90, 60 * 24 * 60))
        publish_at = publish_at.replace(second=0, microsecond=0)
        context = text_context(rng, topic, publish_at)
        scene = rng.choice(SCENES) if topic.get("image", True) else ""
        is_draft = 1 <= index <= DRAFT_COUNT
        is_featured = bool(scene) and index > DRAFT_COUNT and featured < FEATURED_COUNT
        featured += is_featured
        source, source_url = rng.choice(demo.SOURCES)
        title = title.format_map(context)
        specs.append(
            {
                "title": title,
                "slug": slugify_vi(title, max_length=200),
                "category": topic["category"],
                "tags": topic["tags"],
                "summary": topic["summary"].format_map(context),
                "body": article_body(rng, topic, context, with_figure=bool(scene)),
                "scene": scene,
                "caption": rng.choice(demo.SCENE_CAPTIONS.get(scene, [""])).format_map(
                    context
                ),
                "source": source,
                "source_url": source_url,
                "author": rng.choice(demo.AUTHORS),
                # The last "draft" waits for review, so the admin shows both.
                "status": (
                    Article.Status.REVIEW
                    if index == DRAFT_COUNT
                    else Article.Status.DRAFT
                )
                if is_draft
                else Article.Status.PUBLISHED,
                "publish_at": publish_at,
                "featured": is_featured,
                "paint_seed": SEED * 100 + index,
            }
        )
    specs.append(fixed_article_spec())
    return specs


def text_context(rng, topic, publish_at):
    n = rng.randint(*topic["n"])
    return {
        "place": rng.choice(demo.PLACES),
        "commune": rng.choice(demo.COMMUNES),
        "village": rng.choice(demo.VILLAGES),
        "leader": rng.choice(demo.LEADERS),
        "event": topic["event"],
        "n": vi_number(n),
        "n_small": vi_number(max(1, n // 7)),
        "n_big": vi_number(n * 3),
        "money": vi_number(rng.randint(*topic["money"])),
        "year": timezone.localtime(publish_at).year,
    }


def vi_number(value):
    """``12.500``: Vietnamese groups thousands with a dot."""
    return f"{value:,}".replace(",", ".")


def article_body(rng, topic, context, *, with_figure):
    def para(text):
        return format_html("<p>{}</p>", text.format_map(context))

    details = rng.sample(
        topic["details"], k=min(len(topic["details"]), rng.randint(2, 3))
    )
    blocks = [para(topic["lead"]), *(para(text) for text in details)]
    extras = [kind for kind in ("items", "quotes", "table") if kind in topic]
    kind = rng.choice([*extras, None]) if extras else None
    if kind == "items":
        items = [item.format_map(context) for item in topic["items"]]
        blocks.insert(
            2,
            format_html(
                "<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((i,) for i in items)),
            ),
        )
    elif kind == "quotes":
        quote = rng.choice(topic["quotes"]).format_map(context)
        blocks.insert(2, format_html("<blockquote><p>“{}”</p></blockquote>", quote))
    elif kind == "table":
        blocks.insert(2, html_table(topic["table"], context))
    if with_figure and rng.random() < 0.4:
        number = rng.randrange(len(BODY_IMAGES))
        scene = SCENES[number % len(SCENES)]
        caption = rng.choice(demo.SCENE_CAPTIONS[scene]).format_map(context)
        blocks.insert(1, figure_html(BODY_IMAGES[number], caption))
    closings = rng.sample(demo.CLOSINGS, k=rng.randint(1, 2))
    blocks.extend(para(text) for text in closings)
    return "\n".join(blocks)


def html_table(table, context):
    header, rows = table
    head = format_html_join("", '<th scope="col">{}</th>', ((cell,) for cell in header))
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        (
            (
                format_html_join(
                    "", "<td>{}</td>", ((cell.format_map(context),) for cell in row)
                ),
            )
            for row in rows
        ),
    )
    return format_html(
        "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, body
    )


def figure_html(name, caption):
    return format_html(
        '<figure class="image"><img src="{}" alt="{}" width="960" height="640">'
        "<figcaption>{}</figcaption></figure>",
        default_storage.url(name),
        caption,
        caption,
    )


def fixed_article_spec():
    fixed = demo.FIXED_ARTICLE
    context = {"place": "thành phố An Hòa", "commune": "phường Trung Hòa"}
    blocks = [format_html("<p>{}</p>", text) for text in fixed["paragraphs"]]
    blocks.insert(2, html_table(fixed["table"], context))
    blocks.append(format_html("<p>{}</p>", fixed["closing"]))
    source, source_url = fixed["source"]
    return {
        "title": fixed["title"],
        "slug": slugify_vi(fixed["title"], max_length=200),
        "category": fixed["category"],
        "tags": fixed["tags"],
        "summary": fixed["summary"],
        "body": "\n".join(blocks),
        "scene": "hills",
        "caption": demo.SCENE_CAPTIONS["hills"][1].format_map(context),
        "source": source,
        "source_url": source_url,
        "author": fixed["author"],
        "status": Article.Status.PUBLISHED,
        "publish_at": datetime(
            *fixed["publish_at"], tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")
        ),
        "featured": False,
        "paint_seed": SEED * 100 + 99,
    }


def ensure_categories():
    """The demo category tree by slug; existing categories are left as they are."""
    categories = {}
    for slug, name, parent, order, show_on_home, description in demo.CATEGORIES:
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "parent": categories.get(parent),
                "order": order,
                "show_on_home": show_on_home,
                "description": description,
            },
        )
    return categories


def create_article(spec, categories):
    article = Article(
        title=spec["title"],
        slug=spec["slug"],
        category=categories[spec["category"]],
        summary=spec["summary"],
        body=spec["body"],
        image_caption=spec["caption"],
        source=spec["source"],
        source_url=spec["source_url"],
        author=spec["author"],
        status=spec["status"],
        publish_at=spec["publish_at"],
        featured=spec["featured"],
    )
    if spec["scene"]:
        picture = paint_scene(spec["paint_seed"], spec["scene"])
        article.image.save(f"{spec['slug'][:60]}.jpg", ContentFile(picture), save=False)
    article.save()
    article.tags.add(*spec["tags"])
    return article


def write_body_images():
    for number, name in enumerate(BODY_IMAGES):
        if not default_storage.exists(name):
            picture = paint_scene(
                SEED + number, SCENES[number % len(SCENES)], (960, 640)
            )
            default_storage.save(name, ContentFile(picture))


def fill_site_settings():
    """Write the demo site name, address, ... into fields still at their defaults."""
    settings, _created = SiteSettings.objects.get_or_create(pk=1)
    changed = [
        field
        for field, value in demo.SITE.items()
        if getattr(settings, field) == SiteSettings._meta.get_field(field).get_default()
    ]
    for field in changed:
        setattr(settings, field, demo.SITE[field])
    if changed:
        settings.save(update_fields=changed)


def ensure_albums():
    """The demo photo albums, by slug; returns how many were created."""
    created = 0
    today = timezone.localdate()
    for number, row in enumerate(demo.ALBUMS):
        slug, title, description, days_ago, photos = row
        if Album.objects.filter(slug=slug).exists():
            continue
        with transaction.atomic():
            album = Album.objects.create(
                title=title,
                slug=slug,
                description=description,
                date=today - timedelta(days=days_ago),
                order=number,
            )
            files = [
                ContentFile(
                    paint_scene(SEED * 10 + number * 10 + index, scene, (960, 640)),
                    name=f"{slug[:40]}-{index + 1}.jpg",
                )
                for index, (scene, _caption) in enumerate(photos)
            ]
            result = add_photos(album=album, files=files)
            for photo, (_scene, caption) in zip(result.added, photos, strict=True):
                photo.caption = caption
                photo.save(update_fields=["caption"])
        created += 1
    return created


def remove_demo_albums():
    albums = Album.objects.filter(slug__in=[row[0] for row in demo.ALBUMS])
    for album in albums:
        for name in album.photos.values_list("image", flat=True):
            delete_picture(name)
    albums.delete()


def ensure_departments():
    """The demo contact-form departments, by name; returns how many were created."""
    created = 0
    for name, emails, order in demo.DEPARTMENTS:
        _department, new = Department.objects.get_or_create(
            name=name, defaults={"emails": emails, "order": order}
        )
        created += new
    return created


def ensure_banners():
    """The three demo side-column banners, by link; returns how many were created."""
    created = 0
    for order, (alt_text, link, new_tab, label, colour) in enumerate(demo.BANNERS):
        if Banner.objects.filter(link=link).exists():
            continue
        banner = Banner(
            alt_text=alt_text, link=link, new_tab=new_tab, order=order, position="side"
        )
        picture = paint_banner(label, colour)
        banner.image.save(f"{slugify_vi(label)}.png", ContentFile(picture), save=False)
        banner.save()
        created += 1
    return created


def paint_banner(label, colour, size=(300, 90)):
    """A PNG banner: a coloured band with a lighter stripe and its label."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle(
        (0, height - 10, width, height), fill=mix(colour, (255, 255, 255), 0.35)
    )
    draw.ellipse((width - 40, 14, width - 12, 42), fill=mix(colour, (255, 214, 0), 0.7))
    try:  # a font with Vietnamese letters when the machine has one
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 22)
    except OSError:
        font, label = ImageFont.load_default(size=22), fold(label).upper()
    draw.text((16, height // 2 - 6), label, font=font, fill="white", anchor="lm")
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def remove_demo(specs):
    """Delete demo articles, their pictures, unused demo tags and empty demo categories."""
    articles = Article.objects.filter(
        slug__in=[spec["slug"] for spec in specs], category__slug__in=CATEGORY_SLUGS
    )
    for name in articles.exclude(image="").values_list("image", flat=True):
        delete_picture(name)
    removed = articles.delete()[1].get("news.Article", 0)
    for name in BODY_IMAGES:
        delete_picture(name)
    Tag.objects.filter(name__in=DEMO_TAGS, tagged_articles__isnull=True).delete()
    for slug in reversed(CATEGORY_SLUGS):  # children come after their parents
        Category.objects.filter(
            slug=slug, articles__isnull=True, children__isnull=True
        ).delete()
    return removed


def delete_picture(name):
    default_storage.delete(name)
    for spec in RENDITIONS:
        default_storage.delete(rendition_name(name, spec))


def mix(first, second, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def paint_scene(seed, scene, size=(1200, 800)):
    """A JPEG landscape (sky, sun, hill ridges and fields, a lake or hills) as bytes."""
    rng = random.Random(seed)
    width, height = size
    sky_top, sky_low, sun, hills, ground = rng.choice(demo.PALETTES)
    horizon = int(height * rng.uniform(0.5, 0.62))
    image = Image.new("RGB", size, ground)
    fade = ImageOps.invert(Image.linear_gradient("L")).resize((width, horizon))
    sky = Image.composite(
        Image.new("RGB", (width, horizon), sky_top),
        Image.new("RGB", (width, horizon), sky_low),
        fade,
    )
    image.paste(sky, (0, 0))
    draw = ImageDraw.Draw(image)
    radius = rng.randint(30, 64)
    x, y = rng.randint(80, width - 80), rng.randint(60, int(horizon * 0.5))
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=sun)
    for layer, colour in enumerate(hills):
        top = horizon - int(height * (0.28 - layer * 0.08))
        draw.polygon(ridge(rng, width, top, horizon + 4, height * 0.07), fill=colour)
    if scene == "lake":
        water = mix(sky_low, hills[0], 0.35)
        draw.rectangle((0, horizon, width, height), fill=water)
        for _ in range(60):
            sx, sy = rng.randint(0, width), rng.randint(horizon + 4, height)
            draw.line(
                (sx, sy, sx + rng.randint(20, 90), sy),
                fill=mix(water, sun, 0.4),
                width=2,
            )
        shore = int(height * 0.9)
        draw.polygon(
            ridge(rng, width, shore - 40, height, 25), fill=mix(ground, hills[2], 0.5)
        )
    elif scene == "fields":
        rows = rng.randint(9, 14)
        for row in range(rows):
            band_top = horizon + (height - horizon) * (row / rows) ** 1.6
            band_low = horizon + (height - horizon) * ((row + 1) / rows) ** 1.6
            shade = mix(ground, sun, 0.12) if row % 2 else mix(ground, hills[2], 0.15)
            draw.rectangle((0, band_top, width, band_low), fill=shade)
        draw_houses(rng, draw, horizon, width)
    else:
        draw.polygon(
            ridge(rng, width, horizon + 30, height, height * 0.08),
            fill=mix(ground, hills[2], 0.3),
        )
        draw_houses(rng, draw, horizon + 40, width)
    image = image.filter(ImageFilter.GaussianBlur(1))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def ridge(rng, width, top, bottom, amplitude):
    """A closed polygon: a wavy ridge line at about ``top`` filled down to ``bottom``."""
    waves = [
        (rng.uniform(0.5, 3), rng.uniform(0, math.tau), rng.uniform(0.3, 1))
        for _ in range(3)
    ]
    points = [(0, bottom)]
    for x in range(0, width + 20, 20):
        wave = sum(
            weight * math.sin(freq * math.tau * x / width + phase)
            for freq, phase, weight in waves
        )
        points.append((x, top + amplitude * wave / 2 + rng.uniform(-4, 4)))
    points.append((width, bottom))
    return points


def draw_houses(rng, draw, ground_line, width):
    for _ in range(rng.randint(3, 6)):
        x, w = rng.randint(20, width - 80), rng.randint(26, 50)
        h = int(w * 0.7)
        base = ground_line + rng.randint(8, 40)
        draw.rectangle((x, base - h, x + w, base), fill=(236, 226, 204))
        draw.polygon(
            [
                (x - 6, base - h),
                (x + w / 2, base - h - w * 0.45),
                (x + w + 6, base - h),
            ],
            fill=(176, 64, 44),
        )
        tree = rng.randint(12, 22)
        tx = x + w + rng.randint(10, 30)
        draw.rectangle((tx - 2, base - tree * 2, tx + 2, base), fill=(84, 60, 40))
        draw.ellipse(
            (tx - tree, base - tree * 3, tx + tree, base - tree), fill=(46, 110, 56)
        )
