from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from news.models import Article, Category, Tag, TaggedArticle
from portal.models import SiteSettings
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db
TITLE = (
    "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
    "khen thưởng năm 2023"
)


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row the demo writes, with the fields a rerun could change."""
    return {
        "categories": sorted(Category.objects.values_list("id", "slug", "parent_id")),
        "articles": sorted(
            Article.objects.values_list("id", "slug", "image", "publish_at", "updated")
        ),
        "tags": sorted(Tag.objects.values_list("id", "name")),
        "tagged": TaggedArticle.objects.count(),
    }


def article_files():
    found, folders = [], ["articles"]
    while folders:
        folder = folders.pop()
        subfolders, files = default_storage.listdir(folder)
        folders.extend(f"{folder}/{name}" for name in subfolders)
        found.extend(f"{folder}/{name}" for name in files)
    return sorted(found)


def test_demo_builds_a_two_level_category_tree():
    load_demo()
    categories = Category.objects.all()
    assert categories.count() >= 5
    roots = categories.filter(parent__isnull=True)
    assert roots.count() >= 2
    assert all(child.parent.parent is None for child in categories.exclude(parent=None))
    assert sum(root.children.exists() for root in roots) >= 2
    assert categories.filter(show_on_home=True).count() == 3


def test_demo_writes_forty_articles_with_drafts_one_scheduled_and_features():
    load_demo()
    now = timezone.now()
    assert Article.objects.count() == 40
    assert Article.objects.filter(status=Article.Status.DRAFT).count() >= 2
    assert Article.objects.filter(status=Article.Status.REVIEW).count() == 1
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, publish_at__gt=now
    )
    assert scheduled.count() == 1
    assert (
        timedelta(days=1, hours=23)
        < scheduled.get().publish_at - now
        < timedelta(days=2)
    )
    published = Article.objects.published()
    assert published.filter(featured=True).count() == 5
    recent = published.filter(publish_at__gte=now - timedelta(days=61))
    assert recent.count() == published.count() - 1  # all but the 2024 article
    assert len({a.publish_at.hour for a in recent}) >= 8
    assert len(set(Article.objects.values_list("slug", flat=True))) == 40
    assert all(a.tags.exists() for a in Article.objects.all())
    assert Article.objects.exclude(source_url="").exists()


def test_demo_bodies_are_varied_html_without_placeholder_text():
    load_demo()
    bodies = list(Article.objects.values_list("body", flat=True))
    assert all(body.count("<p>") >= 3 for body in bodies)
    for element in ('<figure class="image">', "<ul>", "<blockquote>", "<table>"):
        assert any(element in body for body in bodies), element
    rows = Article.objects.values_list("title", "summary", "body", "image_caption")
    everything = " ".join(text for row in rows for text in row).lower()
    assert "lorem" not in everything
    assert "{" not in everything
    # Markup is markup, never escaped into the text (a table once was).
    assert not any("&lt;" in body for body in bodies)
    tables = [body for body in bodies if "<table>" in body]
    assert all("<tbody><tr><td>" in body for body in tables)


def test_demo_pictures_are_real_jpeg_files_in_media_root():
    load_demo()
    with_image = Article.objects.exclude(image="")
    assert with_image.count() >= 30
    for article in with_image:
        assert article.image.name.startswith("articles/")
        assert article.image_caption
        with (
            default_storage.open(article.image.name) as file,
            Image.open(file) as image,
        ):
            assert (image.format, image.size) == ("JPEG", (1200, 800))
    figure = Article.objects.filter(body__contains='<figure class="image">').first()
    src = figure.body.split('<img src="', 1)[1].split('"', 1)[0]
    assert default_storage.exists(src.removeprefix("/media/"))


def test_demo_fills_the_site_settings():
    load_demo()
    site = SiteSettings.load()
    assert site.site_name.startswith("Cổng thông tin điện tử")
    assert site.site_name != "Cổng thông tin điện tử"
    assert site.slogan and site.address and site.phone and site.email
    assert site.footer_text


def test_demo_does_not_overwrite_a_site_name_an_editor_chose():
    SiteSettings.objects.create(pk=1, site_name="Trang của Hội")
    load_demo()
    assert SiteSettings.objects.get().site_name == "Trang của Hội"


def test_the_2023_summary_article_shows_its_date_line(client):
    load_demo()
    article = Article.objects.get(title=TITLE)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Thứ sáu - 12/01/2024 02:02" in page
    assert TITLE in page


def test_home_and_category_pages_render_the_demo_without_the_scheduled_article(
    client,
):
    load_demo()
    scheduled = Article.objects.get(publish_at__gt=timezone.now())
    home = client.get("/")
    assert home.status_code == 200
    assert scheduled.title not in home.content.decode()
    for category in Category.objects.all():
        assert client.get(category.get_absolute_url()).status_code == 200


def test_second_run_creates_nothing_new_and_says_so():
    load_demo()
    before = snapshot()
    files = article_files()
    output = load_demo()
    assert snapshot() == before
    assert article_files() == files
    assert "Dữ liệu mẫu đã có" in output


def test_a_half_loaded_demo_is_completed_without_duplicates():
    load_demo()
    Article.objects.filter(status=Article.Status.DRAFT).delete()
    load_demo()
    assert Article.objects.count() == 40
    assert len(set(Article.objects.values_list("slug", flat=True))) == 40


def test_reset_recreates_only_the_demo_rows():
    own_category = make_category(name="Chuyên mục riêng", slug="chuyen-muc-rieng")
    own = make_article(title="Bài của biên tập viên", category=own_category)
    load_demo()
    first_ids = set(Article.objects.exclude(pk=own.pk).values_list("id", flat=True))
    output = load_demo("--reset")
    assert "Đã xóa 40 bài viết mẫu." in output
    assert Article.objects.count() == 41
    assert Article.objects.filter(pk=own.pk).exists()
    assert Category.objects.filter(pk=own_category.pk).exists()
    assert not first_ids & set(Article.objects.values_list("id", flat=True))
    # The old pictures were deleted, not left beside the new ones.
    assert len(article_files()) == Article.objects.exclude(image="").count()
    assert Article.objects.filter(title=TITLE).count() == 1
