from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from news.models import Article
from portal.models import SiteSettings
from tests.factories import make_article, make_category, make_user

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
TITLE = (
    "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
    "khen thưởng năm 2023"
)


def test_article_page_shows_the_vietnamese_date_line_and_slug(client):
    article = make_article(
        title=TITLE, publish_at=datetime(2024, 1, 12, 2, 2, tzinfo=HCM)
    )
    url = article.get_absolute_url()
    assert url.rsplit("/", 1)[1].startswith("cum-thi-dua-cac-to-chuc-chinh-tri-xa-hoi")
    page = client.get(url).content.decode()
    assert "Thứ sáu - 12/01/2024 02:02" in page
    assert page.count("<h1") == 1


def test_date_line_uses_the_site_time_zone_not_utc(client):
    # 18:30 UTC on a Sunday is 01:30 on Monday in Hồ Chí Minh City.
    article = make_article(
        publish_at=datetime(2024, 6, 2, 18, 30, tzinfo=ZoneInfo("UTC"))
    )
    assert (
        "Thứ hai - 03/06/2024 01:30"
        in client.get(article.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (8, "Thứ hai"),
        (9, "Thứ ba"),
        (10, "Thứ tư"),
        (11, "Thứ năm"),
        (12, "Thứ sáu"),
        (13, "Thứ bảy"),
        (14, "Chủ nhật"),
    ],
)
def test_every_weekday_is_written_out(client, day, weekday):
    article = make_article(publish_at=datetime(2024, 1, day, 8, 0, tzinfo=HCM))
    assert (
        f"{weekday} - {day:02d}/01/2024 08:00"
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_source_tags_and_caption_are_shown(client):
    article = make_article(
        source="Báo Nhân Dân",
        source_url="https://nhandan.vn/bai",
        tags=["Thi đua", "Khen thưởng"],
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Nguồn tin:" in page
    assert '<a href="https://nhandan.vn/bai"' in page
    assert 'href="/the/thi-dua/"' in page
    assert 'href="/the/khen-thuong/"' in page


def test_stale_slug_or_category_answers_301_to_the_canonical_url(client):
    article = make_article(title="Tin gốc")
    canonical = article.get_absolute_url()
    other = make_category(slug="chuyen-muc-khac")
    for stale in (
        f"/tin-tuc/{article.category.slug}/ten-cu-{article.pk}.html",
        f"/tin-tuc/{other.slug}/tin-goc-{article.pk}.html",
        f"/tin-tuc/bai-viet/{article.pk}/",
    ):
        response = client.get(stale)
        assert response.status_code == 301
        assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_renaming_an_article_keeps_old_links_working(client):
    article = make_article(title="Tên đầu tiên")
    old = article.get_absolute_url()
    article.title = "Tên mới hoàn toàn"
    article.slug = ""
    article.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith(f"/ten-moi-hoan-toan-{article.pk}.html")


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/abc/xyz-99999999999999999999999.html",
        "/tin-tuc/abc/xyz-9223372036854775807.html",
        "/tin-tuc/abc/xyz-0.html",
        "/tin-tuc/khong-co/",
        "/the/khong-co/",
        "/tin-tuc/bai-viet/999999999999999999/",
        "/khong-co-trang-nay",
    ],
)
def test_unknown_or_malformed_urls_are_404_in_the_site_layout(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_unpublished_and_scheduled_articles_are_404_for_readers(client):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(publish_at=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(f"/tin-tuc/bai-viet/{article.pk}/").status_code == 404


def test_staff_who_may_change_articles_preview_with_a_banner_and_no_cache(client):
    reporter = make_user(role="Phóng viên")
    # A reporter previews their own articles (docs/workflow.md).
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    client.force_login(reporter)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()
    assert (
        "no-cache" in response["Cache-Control"]
        or "no-store" in response["Cache-Control"]
    )


def test_signed_in_readers_without_permission_cannot_preview(client):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(make_user())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_newer_and_older_lists_come_from_the_same_category_nearest_first(client):
    category = make_category()
    base = datetime(2024, 5, 10, 8, 0, tzinfo=HCM)
    articles = [
        make_article(
            title=f"Tin {i}", category=category, publish_at=base + timedelta(hours=i)
        )
        for i in range(9)
    ]
    make_article(
        title="Tin chuyên mục khác", publish_at=base + timedelta(hours=4, minutes=30)
    )
    response = client.get(articles[4].get_absolute_url())
    newer = [a.title for a in response.context["newer"]]
    older = [a.title for a in response.context["older"]]
    assert newer == ["Tin 5", "Tin 6", "Tin 7", "Tin 8"]
    assert older == ["Tin 3", "Tin 2", "Tin 1", "Tin 0"]
    page = response.content.decode()
    assert "Những tin mới hơn" in page and "Những tin cũ hơn" in page


def test_equal_publish_times_neither_skip_nor_repeat_an_article(client):
    category = make_category()
    moment = datetime(2024, 5, 10, 8, 0, tzinfo=HCM)
    same = [make_article(category=category, publish_at=moment) for _ in range(4)]
    seen_newer = []
    for article in same:
        context = client.get(article.get_absolute_url()).context
        newer_ids = [a.pk for a in context["newer"]]
        older_ids = [a.pk for a in context["older"]]
        assert article.pk not in newer_ids + older_ids
        assert sorted(newer_ids + older_ids + [article.pk]) == sorted(
            a.pk for a in same
        )
        seen_newer.append(newer_ids)
    assert seen_newer[0] == [a.pk for a in same[1:]]


def test_related_count_follows_the_site_setting(client):
    category = make_category()
    articles = [make_article(category=category) for _ in range(8)]
    site = SiteSettings.load()
    site.related_count = 2
    site.save()
    context = client.get(articles[4].get_absolute_url()).context
    assert len(context["newer"]) == 2 and len(context["older"]) == 2


def test_article_page_query_count_does_not_grow_with_tags_or_lists(
    cold_get, django_assert_max_num_queries
):
    category = make_category()
    few = make_article(category=category, tags=["một"])
    cold_get(few.get_absolute_url())  # warm the site-settings cache
    # Rendered anew: the article (its visibility read from the row), its tags,
    # its attachments, newer and older lists; + 1 for the star ratings summary
    # (ratings app) and + 1 where the comments section counts the visible comments
    # (the list and the replies are read only when there are some); + 1: stats
    # records the page view in one INSERT. The menu, banners, header, footer and
    # side column are kept blocks (portal.pagecache).
    with django_assert_max_num_queries(8) as small:
        cold_get(few.get_absolute_url())
    for _ in range(12):
        make_article(category=category)
    many = make_article(category=category, tags=[f"từ khóa {i}" for i in range(15)])
    for _ in range(12):
        make_article(category=category)
    # + 1: this article's 'Lượt xem' is not in the cache yet; + 2: the articles
    # changed, so the side column is rendered again once ('Tin mới nhất', and
    # 'Bình luận mới' reads its comments' articles again).
    with django_assert_max_num_queries(len(small.captured_queries) + 3):
        response = cold_get(many.get_absolute_url())
    assert len(response.context["tags"]) == 15


def test_a_kept_page_costs_one_query_the_page_view(client, django_assert_num_queries):
    article = make_article(tags=["một"])
    first = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    for url in (article.get_absolute_url(), "/", article.category.get_absolute_url()):
        client.get(url)
        with django_assert_num_queries(1) as queries:
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert "INSERT INTO stats_pageview" in queries.captured_queries[0]["sql"]


def test_category_page_lists_subcategory_articles_newest_first_20_a_page(client):
    parent = make_category(name="Hoạt động")
    child = make_category(name="Thi đua", parent=parent)
    base = timezone.now() - timedelta(days=2)
    for i in range(25):
        make_article(
            title=f"Tin số {i}",
            category=child if i % 2 else parent,
            publish_at=base + timedelta(minutes=i),
        )
    make_article(title="Tin nháp", category=child, status=Article.Status.DRAFT)
    first = client.get(parent.get_absolute_url())
    titles = [a.title for a in first.context["articles"]]
    assert len(titles) == 20
    assert titles[0] == "Tin số 24"
    second = client.get(parent.get_absolute_url() + "?page=2")
    assert [a.title for a in second.context["articles"]][-1] == "Tin số 0"
    assert "Tin nháp" not in first.content.decode() + second.content.decode()


@pytest.mark.parametrize("query", ["?page=abc", "?page=99999", "?page=-1", "?page=1e9"])
def test_bad_page_numbers_are_404_not_500(client, query):
    category = make_category()
    make_article(category=category)
    assert client.get(category.get_absolute_url() + query).status_code == 404


def test_tag_page_lists_published_articles_with_the_tag(client):
    tagged = make_article(title="Có từ khóa", tags=["Chuyển đổi số"])
    make_article(
        title="Nháp có từ khóa", tags=["Chuyển đổi số"], status=Article.Status.DRAFT
    )
    page = client.get("/the/chuyen-doi-so/").content.decode()
    assert tagged.title in page
    assert "Nháp có từ khóa" not in page


def test_tags_are_case_insensitive():
    first = make_article(tags=["Thi đua"])
    second = make_article(tags=["THI ĐUA"])
    assert first.tags.get() == second.tags.get()


def test_home_page_shows_featured_latest_and_home_categories(client):
    home_category = make_category(name="Khối trang chủ", show_on_home=True)
    featured = make_article(title="Tin nổi bật nhất", featured=True)
    in_block = make_article(title="Tin trong khối", category=home_category)
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert featured.title in page and in_block.title in page
    assert "Khối trang chủ" in page
    assert page.count("<h1") == 1


def test_home_and_category_pages_keep_a_bounded_query_count(
    cold_get, django_assert_max_num_queries
):
    parent = make_category(show_on_home=True)
    child = make_category(parent=parent, show_on_home=True)
    for i in range(30):
        make_article(
            category=child if i % 2 else parent, featured=i < 6, tags=[f"t{i}"]
        )
    cold_get("/")  # warm the site-settings cache
    # Rendered anew. The menu and banners come from the cache (news.menu,
    # portal_tags); + 1 on each page: stats records the page view in one INSERT;
    # + 1 on the category page: the visible comment counts of its articles
    # (comments app).
    with django_assert_max_num_queries(11):
        cold_get("/")
    with django_assert_max_num_queries(8):
        cold_get(parent.get_absolute_url())


def test_article_page_carries_news_article_json_ld(client):
    import json
    import re

    article = make_article(title="Tin </script><script>alert(1)</script>", author="Lan")
    html = client.get(article.get_absolute_url()).content.decode()
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Tin </script>")
    assert data["@id"].endswith(article.get_absolute_url() + "#article")
    assert data["author"] == {"@type": "Person", "name": "Lan"}
    assert "<script>alert" not in html


def test_the_cached_menu_follows_category_changes(client):
    category = make_category(name="Kinh tế")
    assert "Kinh tế" in client.get("/").content.decode()
    category.name = "Kinh tế - Xã hội"
    category.save()
    assert "Kinh tế - Xã hội" in client.get("/").content.decode()
    category.delete()
    assert "Kinh tế" not in client.get("/").content.decode()
