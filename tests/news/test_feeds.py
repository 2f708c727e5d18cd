"""Feeds, sitemap, robots.txt, OpenGraph tags and the print view."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from news.models import Article
from tests.factories import image_upload, make_article, make_category, make_user

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def hidden_articles():
    """A draft, a scheduled article and one in a switched-off category."""
    return [
        make_article(title="Bản nháp", status=Article.Status.DRAFT),
        make_article(title="Hẹn giờ", publish_at=timezone.now() + timedelta(hours=3)),
        make_article(title="Chuyên mục tắt", category=make_category(is_active=False)),
    ]


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "property" in attrs:
            self.meta.setdefault(attrs["property"], attrs["content"])
        if tag == "link":
            self.links.setdefault(attrs.get("rel"), attrs)


def head_of(html):
    parser = MetaParser()
    parser.feed(html)
    return parser


def test_latest_news_feed_is_rss_of_published_articles_only(client):
    category = make_category(name="Thi đua - Khen thưởng")
    shown = make_article(
        title="Tổng kết <thi đua> & khen thưởng",
        summary="Hội nghị tổng kết năm 2023.",
        category=category,
    )
    hidden = hidden_articles()
    root = parse(client.get("/rss/"))
    assert root.tag == "rss"
    channel = root.find("channel")
    assert channel.findtext("title").endswith("Tin mới nhất")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [shown.title]
    item = items[0]
    assert item.findtext("link") == "http://testserver" + shown.get_absolute_url()
    assert item.findtext("description") == "Hội nghị tổng kết năm 2023."
    assert item.findtext("category") == "Thi đua - Khen thưởng"
    assert item.findtext("pubDate")
    body = client.get("/rss/").content.decode()
    for article in hidden:
        assert article.title not in body


def test_feed_lists_the_newest_thirty(client):
    category = make_category()
    base = timezone.now() - timedelta(days=1)
    for i in range(35):
        make_article(
            title=f"Tin {i}", category=category, publish_at=base + timedelta(minutes=i)
        )
    items = parse(client.get("/rss/")).find("channel").findall("item")
    assert len(items) == 30
    assert items[0].findtext("title") == "Tin 34"


def test_category_feed_includes_subcategories_and_nothing_else(client):
    parent = make_category(name="Hoạt động")
    child = make_category(name="Thi đua", parent=parent)
    in_parent = make_article(title="Tin cha", category=parent)
    in_child = make_article(title="Tin con", category=child)
    make_article(title="Tin chuyên mục khác")
    make_article(title="Nháp cha", category=parent, status=Article.Status.DRAFT)
    channel = parse(client.get(f"/rss/{parent.slug}/")).find("channel")
    assert "Hoạt động" in channel.findtext("title")
    assert channel.findtext("link") == "http://testserver" + parent.get_absolute_url()
    assert sorted(item.findtext("title") for item in channel.findall("item")) == [
        in_parent.title,
        in_child.title,
    ]


def test_unknown_or_switched_off_category_feed_is_404(client):
    off = make_category(is_active=False)
    assert client.get("/rss/khong-co/").status_code == 404
    assert client.get(f"/rss/{off.slug}/").status_code == 404


def test_pages_announce_their_feeds(client):
    category = make_category()
    make_article(category=category)
    home = head_of(client.get("/").content.decode())
    assert home.links["alternate"]["type"] == "application/rss+xml"
    assert home.links["alternate"]["href"] == "/rss/"
    html = client.get(category.get_absolute_url()).content.decode()
    assert f'href="/rss/{category.slug}/"' in html


def test_sitemap_index_and_sections_list_only_published_pages(client):
    article = make_article(title="Tin đã đăng")
    hidden = hidden_articles()
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == f"{SITEMAP}sitemapindex"
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sections == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-categories.xml",
        "http://testserver/sitemap-albums.xml",
    ]

    articles = parse(client.get("/sitemap-articles.xml"))
    assert articles.tag == f"{SITEMAP}urlset"
    urls = [loc.text for loc in articles.iter(f"{SITEMAP}loc")]
    assert urls == ["http://testserver" + article.get_absolute_url()]
    assert articles.find(f"{SITEMAP}url/{SITEMAP}lastmod").text

    categories = parse(client.get("/sitemap-categories.xml"))
    category_urls = {loc.text for loc in categories.iter(f"{SITEMAP}loc")}
    assert "http://testserver" + article.category.get_absolute_url() in category_urls
    off = hidden[2].category
    assert "http://testserver" + off.get_absolute_url() not in category_urls


def test_sitemap_query_count_does_not_grow_with_articles(
    client, django_assert_max_num_queries
):
    category = make_category()
    make_article(category=category)
    client.get("/sitemap-articles.xml")  # warm the site-settings cache
    # The count of the paginator and the page of articles.
    with django_assert_max_num_queries(2):
        client.get("/sitemap-articles.xml")
    for _ in range(30):
        make_article(category=category)
    with django_assert_max_num_queries(2):
        response = client.get("/sitemap-articles.xml")
    assert len(list(parse(response).iter(f"{SITEMAP}url"))) == 31


def test_sitemap_index_reads_the_latest_change_with_an_aggregate(
    client, django_assert_max_num_queries
):
    for _ in range(10):
        newest = make_article()
    client.get("/sitemap.xml")  # warm the site-settings cache
    # The latest change of the articles and of the albums (one aggregate each),
    # and a count per section (articles, categories, albums) for its pages.
    with django_assert_max_num_queries(5):
        index = parse(client.get("/sitemap.xml"))
    lastmod = index.find(f"{SITEMAP}sitemap/{SITEMAP}lastmod").text
    assert lastmod == timezone.localtime(newest.updated).isoformat()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_article_page_carries_opengraph_and_canonical_tags(client):
    article = make_article(
        title="Hội nghị tổng kết",
        summary="Tóm tắt <b>ngắn</b> của bài.",
        image=image_upload("hoi-nghi.jpg", size=(1200, 800)),
        tags=["Thi đua"],
    )
    head = head_of(client.get(article.get_absolute_url()).content.decode())
    url = "http://testserver" + article.get_absolute_url()
    assert head.links["canonical"]["href"] == url
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Hội nghị tổng kết"
    assert head.meta["og:description"] == "Tóm tắt ngắn của bài."
    assert head.meta["og:url"] == url
    assert re.fullmatch(
        r"http://testserver/media/renditions/.+\.(jpg|jpeg|webp)", head.meta["og:image"]
    )
    assert default_storage.exists(head.meta["og:image"].split("/media/", 1)[1])
    published = timezone.localtime(article.publish_at)
    assert head.meta["article:published_time"] == published.isoformat()
    assert published.isoformat().endswith("+07:00")
    assert head.meta["article:tag"] == "Thi đua"


def test_json_ld_image_and_opengraph_image_are_the_same_absolute_rendition(client):
    article = make_article(
        image=image_upload(size=(900, 600)), tags=["Thi đua", "Khen thưởng"]
    )
    html = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["image"] == [head_of(html).meta["og:image"]]
    assert data["datePublished"] == article.publish_at.isoformat()
    assert data["url"] == "http://testserver" + article.get_absolute_url()
    assert sorted(data["keywords"]) == ["Khen thưởng", "Thi đua"]


def test_print_view_is_the_article_alone(client):
    article = make_article(
        title="Tổng kết công tác thi đua",
        body="<p>Nội dung đầy đủ của bài.</p>",
        source="Ban Thi đua",
        tags=["Khen thưởng"],
    )
    make_article(title="Tin khác cùng chuyên mục", category=article.category)
    page = client.get(article.get_absolute_url()).content.decode()
    print_url = f"/tin-tuc/bai-viet/{article.pk}/ban-in/"
    assert f'href="{print_url}"' in page and "Bản in" in page

    response = client.get(print_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Tổng kết công tác thi đua" in html
    assert "Nội dung đầy đủ của bài." in html
    assert "Nguồn tin: Ban Thi đua" in html
    for chrome in ("site-menu", "sidebar", "Tin khác cùng chuyên mục", "site-search"):
        assert chrome not in html
    head = head_of(html)
    assert head.links["canonical"]["href"].endswith(article.get_absolute_url())
    assert '<meta name="robots" content="noindex">' in html


def test_print_view_of_an_unpublished_article_is_404_except_for_staff(client):
    draft = make_article(status=Article.Status.DRAFT)
    url = f"/tin-tuc/bai-viet/{draft.pk}/ban-in/"
    assert client.get(url).status_code == 404
    assert client.get("/tin-tuc/bai-viet/99999999/ban-in/").status_code == 404
    client.force_login(make_user(role="Thư ký tòa soạn"))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_sitemap_lists_published_albums_only(client):
    from tests.factories import make_album

    shown = make_album(title="Album Tết")
    hidden = make_album(title="Album nháp", published=False)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-albums.xml" in index
    response = client.get("/sitemap-albums.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert shown.get_absolute_url() in body
    assert hidden.get_absolute_url() not in body
