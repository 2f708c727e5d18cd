"""Every address the old NukeViet site produced answers 301 to the new page."""

import http.client
from urllib.parse import urlsplit

import pytest

from news.legacy.models import LegacySite
from news.models import Article, Category, Tag
from tests.factories import make_article, make_category

ARTICLE_12 = (
    "/tin-tuc/thi-dua-khen-thuong/hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2023-12.html"
)
OLD_12 = "hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2023-12"


@pytest.fixture
def imported(old_site, db):
    old_site.run()
    return old_site


def tag_url(name):
    return Tag.objects.get(name=name).get_absolute_url()


OLD_ADDRESSES = [
    # articles: under the main category, another of its categories, without
    # the module (news was the home module), with the language, and index.php
    (f"/news/thi-dua-khen-thuong/{OLD_12}.html", ARTICLE_12),
    (f"/news/thoi-su/{OLD_12}.html", ARTICLE_12),
    (f"/thi-dua-khen-thuong/{OLD_12}.html", ARTICLE_12),
    (f"/vi/news/thi-dua-khen-thuong/{OLD_12}.html", ARTICLE_12),
    (f"/index.php?language=vi&nv=news&op=thi-dua-khen-thuong/{OLD_12}", ARTICLE_12),
    (f"/index.php?nv=news&op=thoi-su/{OLD_12}.html", ARTICLE_12),
    # categories, with their pages
    ("/news/thoi-su/", "/tin-tuc/thoi-su/"),
    ("/news/thoi-su", "/tin-tuc/thoi-su/"),
    ("/news/thoi-su/page-2/", "/tin-tuc/thoi-su/"),
    ("/news/thoi-su/page-2", "/tin-tuc/thoi-su/"),
    ("/thoi-su/", "/tin-tuc/thoi-su/"),
    ("/thi-dua-khen-thuong/page-3/", "/tin-tuc/thi-dua-khen-thuong/"),
    ("/index.php?language=vi&nv=news&op=thoi-su", "/tin-tuc/thoi-su/"),
    ("/index.php?language=vi&nv=news&op=thoi-su/page-2", "/tin-tuc/thoi-su/"),
    # the module's home and feeds
    ("/news/", "/"),
    ("/news/page-4/", "/"),
    ("/vi/", "/"),
    ("/index.php?language=vi&nv=news", "/"),
    ("/index.php", "/"),
    ("/news/rss/", "/rss/"),
    ("/news/rss/thoi-su/", "/rss/thoi-su/"),
    ("/index.php?language=vi&nv=news&op=rss/thoi-su", "/rss/thoi-su/"),
]


@pytest.mark.parametrize(("old", "new"), OLD_ADDRESSES)
def test_every_old_address_answers_301_to_the_new_page(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.mark.parametrize(
    ("old", "name"),
    [
        ("/news/tag/thi-đua-khen-thưởng", "thi đua khen thưởng"),
        ("/news/tag/thi-%C4%91ua-khen-th%C6%B0%E1%BB%9Fng", "thi đua khen thưởng"),
        ("/news/tag/THI-%C4%90UA-KHEN-TH%C6%AF%E1%BB%9ENG/", "thi đua khen thưởng"),
        ("/news/tag/chuyển-đổi-số/page-2", "chuyển đổi số"),
        ("/tag/covid-19", "covid-19"),
        ("/index.php?language=vi&nv=news&op=tag/chuyển-đổi-số", "chuyển đổi số"),
        ("/news/topic/dai-hoi-dang-bo", "Đại hội Đảng bộ các cấp"),
    ],
)
def test_tags_and_topics_answer_301_raw_or_percent_encoded(imported, client, old, name):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == tag_url(name)


def test_a_raw_vietnamese_tag_address_over_real_http(
    old_site, live_server, transactional_db
):
    old_site.run()
    host = urlsplit(live_server.url)
    for path in (
        "/news/tag/thi-đua-khen-thưởng".encode(),
        b"/news/tag/thi-%C4%91ua-khen-th%C6%B0%E1%BB%9Fng",
    ):
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        # http.client refuses non-ASCII; send the raw request line as a browser
        # that does not encode it would.
        connection.putrequest("GET", "/", skip_host=True)
        connection._buffer[0] = b"GET " + path + b" HTTP/1.1"
        connection.putheader("Host", host.netloc)
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 301, path
        assert response.getheader("Location") == "/the/thi-dua-khen-thuong/"
        connection.close()


@pytest.mark.parametrize(
    "old",
    [
        "/news/thoi-su/khong-co-999.html",
        "/news/thoi-su/ngay-hong-20.html",  # a bad row: not imported
        "/thoi-su/khong-co-999.html",
        "/index.php?language=vi&nv=news&op=thoi-su/khong-co-999",
        "/index.php?language=en&nv=news&op=thoi-su/" + OLD_12,
        "/index.php?nv=khong-co&op=thoi-su",
        "/news/tag/khong-co",
        "/news/topic/khong-co",
        "/news/khong-co/",
        "/news/rss/khong-co/",
        "/news/a/b-99999999999999999999999.html",
        "/news/%FF%FE/",
        "/news/thoi-su/%00-999.html",
        "/index.php?nv=news&op=../../../etc/passwd",
        "/index.php?nv=news&op=%FF",
        "/khong-co",
    ],
)
def test_unknown_old_addresses_answer_404_never_500(imported, client, old):
    assert client.get(old).status_code == 404, old


def test_old_addresses_do_not_shadow_ours_and_post_is_not_redirected(imported, client):
    assert client.get(ARTICLE_12).status_code == 200
    assert client.get("/tin-tuc/thoi-su/").status_code == 200
    assert client.get("/the/covid-19/").status_code == 200
    assert client.post(f"/news/thoi-su/{OLD_12}.html").status_code == 404


def test_nothing_is_redirected_before_an_import(client, db):
    assert client.get(f"/news/thoi-su/{OLD_12}.html").status_code == 404
    assert client.get("/index.php?nv=news").status_code == 404


def test_a_module_named_like_our_news_prefix_clashes_deliberately(old_site, client, db):
    """The old module is called tin-tuc, like our news addresses: the old article
    addresses have the shape of ours. Where the old id is ours too (the usual
    case) our page answers (or 301s to its canonical address); where the id
    belongs to another article here, the old address is decided first."""
    old_site.execute("UPDATE nv4_vi_modules SET title = 'tin-tuc' WHERE title = 'news'")
    old_site.execute(
        "UPDATE nv4_config SET config_value = 'tin-tuc' WHERE config_name = 'site_home_module'"
    )
    old_site.execute(
        "UPDATE nv4_vi_comment SET module = 'tin-tuc' WHERE module = 'news'"
    )
    ours = make_article(
        pk=13, title="Bài của trang mới", category=make_category(slug="ban-tin")
    )
    old_site.run()
    site = LegacySite.objects.get()
    assert (site.module_name, site.has_displaced_articles) == ("tin-tuc", True)
    imported_13 = Article.objects.get(title="Tin & ảnh thời sự")
    assert imported_13.pk != 13

    # The same address as ours: our page.
    assert client.get(ARTICLE_12).status_code == 200
    # Under its other category: our article view's 301 to the canonical address.
    response = client.get(f"/tin-tuc/thoi-su/{OLD_12}.html")
    assert (response.status_code, response["Location"]) == (301, ARTICLE_12)
    # The old article 13, whose id is ours: 301 to what it became, not to ours.
    response = client.get("/tin-tuc/thoi-su/tin-anh-thoi-su-13.html")
    assert (response.status_code, response["Location"]) == (
        301,
        imported_13.get_absolute_url(),
    )
    # Our article 13 keeps its own address.
    assert client.get(ours.get_absolute_url()).status_code == 200
    # Categories: the old alias is our slug, our page answers; tags redirect.
    assert client.get("/tin-tuc/thoi-su/").status_code == 200
    assert Category.objects.get(slug="thoi-su").name == "Thời sự"
    response = client.get("/tin-tuc/tag/covid-19")
    assert (response.status_code, response["Location"]) == (301, "/the/covid-19/")
    response = client.get("/tin-tuc/thoi-su/page-2/")
    assert (response.status_code, response["Location"]) == (301, "/tin-tuc/thoi-su/")


def test_a_home_module_category_named_like_one_of_our_pages_keeps_ours(
    old_site, client, db
):
    old_site.execute(
        "INSERT INTO nv4_vi_news_cat (catid, parentid, title, alias, weight, status) "
        "VALUES (9, 0, 'Liên hệ công tác', 'lien-he', 9, 2)"
    )
    output = old_site.run()
    assert (
        "nv4_vi_news_cat #9: địa chỉ cũ /lien-he/ là một trang của cổng mới; trang "
        "đó vẫn trả lời, /news/lien-he/ chuyển sang chuyên mục." in output
    )
    page = client.get("/lien-he/")
    assert page.status_code == 200
    assert page.resolver_match.url_name == "contact"
    response = client.get("/news/lien-he/")
    assert (response.status_code, response["Location"]) == (301, "/tin-tuc/lien-he/")
