"""A ten-year-old portal's volume for the growth benchmark (``manage.py
bench_grow``, bench/growth.py, bench/README.md).

100,000 published articles over ten years in 30 categories (the demo's nine and 21
more, some of them subcategories; "An sinh xã hội" alone gets more than 10,000, so
that its parent "Hoạt động" has a page 500), their tags (each article its demo
topic's two or three, which makes a few tags very common, and up to three of ~840
rarer ones), and 5,000 approved comments on one article (a fifth of them replies).

Rows go in bulk: the articles through COPY into a staging table and one INSERT ...
SELECT that computes their search text in SQL (the expression of
``news.search.document``), their tags through COPY.
"""

import csv
import io
import itertools
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from comments.models import Comment
from news import demo_content as demo
from news import search
from news.management.commands.load_demo import article_body, text_context
from news.models import Article, Category, Tag
from news.text import fold, slugify_vi

# Share of the new articles, in percent, of each of the demo's categories ...
DEMO_SHARES = {
    "tin-tuc-su-kien": 2,
    "tin-trong-tinh": 14,
    "tin-trong-nuoc": 6,
    "hoat-dong": 2,
    "thi-dua-khen-thuong": 5,
    "an-sinh-xa-hoi": 12,
    "nong-thon-moi": 5,
    "chuyen-doi-so": 3,
    "van-ban": 4,
}
# ... and of 21 more: (slug, name, parent slug, share).
NEW_CATEGORIES = [
    ("gioi-thieu", "Giới thiệu", None, 1),
    ("co-cau-to-chuc", "Cơ cấu tổ chức", "gioi-thieu", 1),
    ("lich-su-hinh-thanh", "Lịch sử hình thành", "gioi-thieu", 1),
    ("dan-chu-phap-luat", "Dân chủ - Pháp luật", None, 2),
    ("giam-sat-phan-bien", "Giám sát, phản biện xã hội", "dan-chu-phap-luat", 3),
    ("tiep-cong-dan", "Tiếp công dân", "dan-chu-phap-luat", 2),
    ("dan-toc-ton-giao", "Dân tộc - Tôn giáo", None, 1),
    ("cong-tac-dan-toc", "Công tác dân tộc", "dan-toc-ton-giao", 3),
    ("cong-tac-ton-giao", "Công tác tôn giáo", "dan-toc-ton-giao", 3),
    ("kieu-bao", "Người Việt Nam ở nước ngoài", None, 2),
    ("van-hoa-xa-hoi", "Văn hóa - Xã hội", None, 2),
    ("giao-duc", "Giáo dục", "van-hoa-xa-hoi", 3),
    ("y-te", "Y tế", "van-hoa-xa-hoi", 3),
    ("the-thao", "Thể thao", "van-hoa-xa-hoi", 2),
    ("kinh-te", "Kinh tế", None, 2),
    ("nong-nghiep", "Nông nghiệp", "kinh-te", 3),
    ("du-lich", "Du lịch", "kinh-te", 2),
    ("guong-dien-hinh", "Gương điển hình", None, 3),
    ("hoi-dap-chinh-sach", "Hỏi đáp chính sách", None, 2),
    ("thong-bao", "Thông báo", None, 2),
    ("video", "Video", None, 2),
]
NEW_SLUGS = [row[0] for row in NEW_CATEGORIES]
# Rarer tags: each subject in each place, and the years.
TAG_SUBJECTS = [
    "bầu cử", "tiếp xúc cử tri", "hiến máu tình nguyện", "xóa nhà tạm", "học bổng",
    "giao thông nông thôn", "nước sạch", "an toàn giao thông", "phòng chống ma túy",
    "bảo hiểm y tế", "việc làm", "lễ hội truyền thống", "di tích lịch sử", "làng nghề",
    "sản phẩm OCOP", "hợp tác xã", "du lịch cộng đồng", "người cao tuổi", "trẻ em",
    "phụ nữ", "thanh niên", "cựu chiến binh", "nông dân", "đồng bào dân tộc",
    "hòa giải ở cơ sở", "an ninh trật tự", "phòng cháy chữa cháy", "mưa lũ",
    "hạn hán", "dịch bệnh", "vệ sinh môi trường", "thể dục thể thao",
    "văn nghệ quần chúng", "thư viện", "trường học", "chợ phiên",
]  # fmt: skip
BODIES_PER_TOPIC = 100
BATCH = 5000
COMMENT_NAMES = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh", "Phạm Thu Hà",
                 "Hoàng Minh Tuấn", "Vũ Thị Lan", "Đặng Hữu Phước", "Bùi Ngọc Ánh"]  # fmt: skip
COMMENT_TEXTS = [
    "Cảm ơn Ban biên tập đã đưa tin kịp thời, bà con ở xã tôi rất phấn khởi.",
    "Đề nghị địa phương công khai danh sách hộ được hỗ trợ để Nhân dân cùng giám sát.",
    "Mong chương trình được nhân rộng ra các huyện vùng cao trong thời gian tới.",
    "Một việc làm rất ý nghĩa, thể hiện tinh thần tương thân tương ái của người dân.",
    "Xin hỏi thủ tục đăng ký tham gia như thế nào, nộp hồ sơ ở đâu ạ?",
    "Tôi là người dân thôn Đồng Sen, xác nhận thông tin trong bài là chính xác.",
]
REPLY_TEXTS = [
    "Ban biên tập xin cảm ơn ý kiến của bạn đọc.",
    "Thông tin chi tiết bạn đọc liên hệ Ủy ban MTTQ xã nơi cư trú.",
    "Đồng ý với ý kiến trên, cần làm rõ tiêu chí lựa chọn.",
]

STAGING_COLUMNS = [
    "id", "title", "slug", "summary", "body", "image", "image_caption", "source",
    "source_url", "author", "publish_at", "featured", "category_id",
    "folded_title", "folded_summary", "folded_tags", "folded_body",
]  # fmt: skip
# The search text as news.search.document builds it: title A, summary and tags B,
# body C, each folded in Python (the staging table's folded_* columns).
INSERT_ARTICLES = """
    INSERT INTO news_article (
        id, title, slug, summary, body, image, image_caption, image_alt, source,
        source_url, external_url, author, status, publish_at, featured,
        allow_comments, allow_ratings, created, updated, category_id,
        search_vector)
    SELECT id, title, slug, summary, body, image, image_caption, '', source,
        source_url, '', author, %(status)s, publish_at, featured, true, true,
        publish_at, publish_at, category_id,
        setweight(to_tsvector(%(config)s::regconfig, folded_title), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, folded_summary), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, folded_tags), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, folded_body), 'C')
    FROM bench_grow_article
"""
GROWN_TABLES = [
    "news_article", "news_tag", "news_taggedarticle", "comments_comment",
    "stats_dailytraffic", "stats_hourlytraffic", "stats_articledailyviews",
    "stats_referrerdaily", "stats_clientdaily", "stats_botdaily",
]  # fmt: skip


def already_grown():
    """Whether ``bench_grow`` has grown this database (its categories are there)."""
    return Category.objects.filter(slug__in=NEW_SLUGS).exists()


def copy_rows(cursor, table, columns, rows):
    """COPY ``rows`` (tuples of str/int/bool) into ``table`` in CSV form. Every
    field is quoted: an empty string stays a string (unquoted, it would be NULL)."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows(rows)
    buffer.seek(0)
    cursor.copy_expert(
        f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer
    )


def ensure_categories():
    """The demo's categories and the 21 new ones by slug, with each one's share;
    existing categories are left as they are."""
    demo_rows = [(slug, name, parent) for slug, name, parent, *_ in demo.CATEGORIES]
    new_rows = [(slug, name, parent) for slug, name, parent, _share in NEW_CATEGORIES]
    shares = DEMO_SHARES | {row[0]: row[3] for row in NEW_CATEGORIES}
    found = {}
    for order, (slug, name, parent) in enumerate([*demo_rows, *new_rows], start=1):
        found[slug], _created = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "parent": found.get(parent), "order": order},
        )
    return [(found[slug], share) for slug, share in shares.items()]


def tail_tags():
    places = [*demo.PLACES, *demo.COMMUNES, *demo.VILLAGES]
    names = [f"{subject} {place}" for subject in TAG_SUBJECTS for place in places]
    return names + [f"năm {year}" for year in range(2015, 2031)]


def ensure_tags(names):
    """``{name: Tag}`` for ``names``, creating the missing ones in bulk (names are
    matched without regard to case, as taggit does here)."""
    existing = {tag.name.lower(): tag for tag in Tag.objects.all()}
    slugs = {tag.slug for tag in existing.values()}
    missing = []
    for name in dict.fromkeys(names):
        if name.lower() in existing:
            continue
        slug = base = slugify_vi(name, max_length=90)
        n = 1
        while slug in slugs:
            n += 1
            slug = f"{base}-{n}"
        slugs.add(slug)
        tag = Tag(name=name, slug=slug)
        existing[name.lower()] = tag
        missing.append(tag)
    Tag.objects.bulk_create(missing)
    return {name: existing[name.lower()] for name in names}


def body_pool(rng):
    """For each demo topic, bodies written from its templates, with their folded
    text: folding is the slow part, so each body serves many articles."""
    pool = []
    now = timezone.now()
    for topic in demo.TOPICS:
        bodies = []
        for _ in range(BODIES_PER_TOPIC):
            context = text_context(rng, topic, now)
            body = article_body(rng, topic, context, with_figure=rng.random() < 0.7)
            bodies.append((body, fold(search.body_text(body))))
        pool.append(bodies)
    return pool


def add_articles(rng, *, count, years, categories):
    """``count`` published articles spread over ``years`` up to now, in
    ``categories`` by their shares, each with its topic's tags and a few rarer ones."""
    if not count:
        return
    topics = list(enumerate(demo.TOPICS))
    by_category = {}
    for index, topic in topics:
        by_category.setdefault(topic["category"], []).append((index, topic))
    bodies = body_pool(rng)
    rare = tail_tags()
    # Zipf-like: a long tail, none of them near the topics' tags.
    rare_weights = list(itertools.accumulate(1 / (n + 20) for n in range(len(rare))))
    tags = ensure_tags([*(t for topic in demo.TOPICS for t in topic["tags"]), *rare])
    images = list(
        Article.objects.exclude(image="")
        .values_list("image", "image_caption")
        .distinct()
    )
    shares = list(itertools.accumulate(share for _category, share in categories))
    now = timezone.now().replace(second=0, microsecond=0)
    span = years * 365 * 24 * 60
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('news_article', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_grow_article (id bigint, title text, "
            "slug text, summary text, body text, image text, image_caption text, "
            "source text, source_url text, author text, publish_at timestamptz, "
            "featured boolean, category_id bigint, folded_title text, "
            "folded_summary text, folded_tags text, folded_body text) "
            "ON COMMIT DROP"
        )
        links = []
        for start in range(0, count, BATCH):
            rows = []
            for article_id in ids[start : start + BATCH]:
                category = rng.choices(categories, cum_weights=shares)[0][0]
                index, topic = rng.choice(by_category.get(category.slug) or topics)
                publish_at = now - timedelta(minutes=rng.randint(60, span))
                context = text_context(rng, topic, publish_at)
                title = rng.choice(topic["titles"]).format_map(context)
                summary = topic["summary"].format_map(context)
                body, folded_body = rng.choice(bodies[index])
                names = [
                    *topic["tags"],
                    *rng.choices(
                        rare, cum_weights=rare_weights, k=rng.choice([0, 1, 1, 2, 3])
                    ),
                ]
                names = list(dict.fromkeys(names))
                links.extend((article_id, tags[name].pk) for name in names)
                image, caption = (
                    rng.choice(images) if images and rng.random() < 0.7 else ("", "")
                )
                source, source_url = rng.choice(demo.SOURCES)
                rows.append(
                    (
                        article_id, title, slugify_vi(title, max_length=200), summary,
                        body, image, caption, source, source_url,
                        rng.choice(demo.AUTHORS), publish_at.isoformat(),
                        rng.random() < 0.01, category.pk, fold(title), fold(summary),
                        fold(" ".join(names)), folded_body,
                    )
                )  # fmt: skip
            copy_rows(cursor, "bench_grow_article", STAGING_COLUMNS, rows)
        cursor.execute(
            INSERT_ARTICLES,
            {"status": Article.Status.PUBLISHED, "config": search.CONFIG},
        )
        copy_rows(cursor, "news_taggedarticle", ["content_object_id", "tag_id"], links)


def add_comments(rng, article, count):
    """``count`` approved comments on ``article`` since it was published: four in
    five open a thread, the others reply to one (some officially)."""
    if not count:
        return
    now = timezone.now()
    start = min(article.publish_at, now - timedelta(hours=1))
    step = (now - start) / count
    replies = count // 5
    threads = Comment.objects.bulk_create(
        Comment(
            article=article,
            name=rng.choice(COMMENT_NAMES),
            email=f"ban-doc-{n}@example.org",
            text=rng.choice(COMMENT_TEXTS),
            state=Comment.State.APPROVED,
            ip_hash=f"{rng.getrandbits(128):032x}",
            created=start + step * n,
        )
        for n in range(count - replies)
    )
    answered = []
    for _ in range(replies):
        parent = rng.choice(threads)
        answered.append(
            Comment(
                article=article,
                parent=parent,
                reply_to=parent,
                name=rng.choice(COMMENT_NAMES),
                email=f"tra-loi-{len(answered)}@example.org",
                text=rng.choice(REPLY_TEXTS),
                state=Comment.State.APPROVED,
                is_official=rng.random() < 0.05,
                ip_hash=f"{rng.getrandbits(128):032x}",
                created=min(
                    now, parent.created + timedelta(minutes=rng.randint(5, 600))
                ),
            )
        )
    Comment.objects.bulk_create(answered)


def vacuum_analyze():
    """Fresh planner statistics (and, outside a transaction, a vacuumed visibility
    map), as a site that has grown for years has."""
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in GROWN_TABLES:
            cursor.execute(f"{command} {table}")
