"""Public pages rendered once and served to many readers (portal.pagecache): kept
pages are fresh, and nothing of one reader ever reaches another."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from comments.services import moderate
from news.models import Article
from portal import pagecache
from portal.models import SiteSettings
from ratings import services as ratings
from tests.factories import (
    make_album,
    make_article,
    make_banner,
    make_category,
    make_comment,
    make_user,
)

pytestmark = pytest.mark.django_db
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _site_settings():
    # Made on first use otherwise, which itself changes the versions.
    SiteSettings.load()


def read(url, client=None, **headers):
    response = (client or Client()).get(url, HTTP_USER_AGENT=CHROME, **headers)
    return response, response.content.decode()


def values(html, name):
    return re.findall(rf'name="{name}" value="([^"]*)"', html)


def test_a_page_is_rendered_once_then_served_kept_to_other_readers():
    article = make_article()
    first, _ = read(article.get_absolute_url())
    second, html = read(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert article.title in html
    assert "\ue000" not in html and "\ue001" not in html


def test_two_readers_of_a_kept_page_never_share_a_csrf_token_or_a_form_stamp():
    article = make_article()
    one, two = Client(), Client()
    _, html_one = read(article.get_absolute_url(), one)
    response, html_two = read(article.get_absolute_url(), two)
    assert response["X-Page-Cache"] == "hit"
    tokens_one = set(values(html_one, "csrfmiddlewaretoken"))
    tokens_two = set(values(html_two, "csrfmiddlewaretoken"))
    # One token per page (language switcher, stars, comment form), never shared.
    assert len(tokens_one) == len(tokens_two) == 1
    assert tokens_one.isdisjoint(tokens_two)
    # Each token is the reader's own: it unmasks to the secret in their cookie.
    assert _unmask_cipher_token(tokens_one.pop()) == one.cookies["csrftoken"].value
    assert _unmask_cipher_token(tokens_two.pop()) == two.cookies["csrftoken"].value
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert values(html_one, "stamp") != values(html_two, "stamp")


def test_a_vote_and_a_comment_sent_from_a_kept_page_are_accepted(settings):
    settings.COMMENTS_MIN_FORM_SECONDS = 0
    article = make_article()
    read(article.get_absolute_url())  # another reader renders the page
    reader = Client(enforce_csrf_checks=True)
    response, html = read(article.get_absolute_url(), reader)
    assert response["X-Page-Cache"] == "hit"
    (token,) = set(values(html, "csrfmiddlewaretoken"))
    (stamp,) = values(html, "stamp")
    voted = reader.post(
        f"/danh-gia/{article.pk}/", {"score": "4", "csrfmiddlewaretoken": token}
    )
    assert voted.status_code == 302
    posted = reader.post(
        f"/binh-luan/bai-viet/{article.pk}/gui/",
        {
            "csrfmiddlewaretoken": token,
            "stamp": stamp,
            "name": "Bạn đọc",
            "email": "ban-doc@example.org",
            "text": "Gửi từ trang lưu sẵn.",
            "website": "",
        },
    )
    assert posted.status_code == 302
    assert article.votes.get().score == 4
    assert Comment.objects.get(article=article).text == "Gửi từ trang lưu sẵn."


def test_another_readers_token_is_refused_on_a_kept_page():
    article = make_article()
    _, html = read(article.get_absolute_url())
    (someone_elses,) = set(values(html, "csrfmiddlewaretoken"))
    reader = Client(enforce_csrf_checks=True)
    read(article.get_absolute_url(), reader)
    response = reader.post(
        f"/danh-gia/{article.pk}/", {"score": "4", "csrfmiddlewaretoken": someone_elses}
    )
    assert response.status_code == 403
    assert not article.votes.exists()


def test_each_reader_sees_only_their_own_vote_on_a_kept_page():
    article = make_article()
    voter = Client()
    read(article.get_absolute_url(), voter)
    voter.post(f"/danh-gia/{article.pk}/", {"score": "2"})
    voter.cookies.pop(pagecache.FRESH_COOKIE)  # past the few fresh seconds
    read(article.get_absolute_url())  # kept again, for everyone
    response, mine = read(article.get_absolute_url(), voter)
    assert response["X-Page-Cache"] == "hit"
    assert "Bạn đã chấm 2/5." in mine
    assert re.search(r'value="2" id="rating-\d+-2" checked', mine)
    response, theirs = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert "Bạn đã chấm" not in theirs and " checked" not in theirs
    assert "2 trong 1 đánh giá" in theirs


def test_each_language_has_its_own_kept_page():
    article = make_article()
    english = Client()
    english.cookies["django_language"] = "en"
    read(article.get_absolute_url())
    response, html = read(article.get_absolute_url(), english)
    assert response["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in html and "Readers' comments" in html
    response, html = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert '<html lang="vi">' in html and "Ý kiến bạn đọc" in html


def test_signed_in_staff_and_previews_bypass_the_cache(client):
    article = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(make_user(role="Thư ký tòa soạn"))
    response, html = read(article.get_absolute_url(), client)
    assert "X-Page-Cache" not in response
    assert 'id="keepalive"' in html  # the staff member's own session banner
    response, html = read(draft.get_absolute_url(), client)
    assert "X-Page-Cache" not in response and "Bản xem trước" in html
    # What staff saw was kept for nobody.
    response, html = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert 'id="keepalive"' not in html
    response, _ = read(draft.get_absolute_url())
    assert response.status_code == 404


def test_a_post_is_never_answered_from_the_cache():
    article = make_article()
    read(article.get_absolute_url())
    response = Client().post(article.get_absolute_url())
    assert response.status_code == 405
    assert "X-Page-Cache" not in response


def test_tracking_parameters_share_the_kept_page_but_each_reader_returns_to_their_own():
    article = make_article()
    url = article.get_absolute_url()
    read(url + "?fbclid=abc")
    response, html = read(url + "?utm_source=zalo&fbclid=xyz")
    assert response["X-Page-Cache"] == "hit"
    assert values(html, "next") == [f"{url}?utm_source=zalo&amp;fbclid=xyz"]
    assert "fbclid=abc" not in html
    category = article.category.get_absolute_url()
    read(category)
    response, _ = read(category + "?page=1")
    assert response["X-Page-Cache"] == "miss"  # a page of its own


def test_text_that_looks_like_a_hole_stays_text():
    article = make_article()
    make_comment(article=article, text="\ue000csrf:\ue001 \ue000next:\ue001")
    _, html = read(article.get_absolute_url())
    _, html = read(article.get_absolute_url())
    assert "\ue000csrf:\ue001" in html


# --- Freshness: every change shows for every reader -----------------------------


def test_a_new_vote_shows_for_every_reader_at_once():
    article = make_article()
    read(article.get_absolute_url())
    _, html = read(article.get_absolute_url())
    assert "0 trong 0 đánh giá" in html
    ratings.vote(article=article, score=5, voter="g:" + "a" * 32, ip_hash="1" * 64)
    response, html = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "5 trong 1 đánh giá" in html


def test_an_approved_comment_shows_on_its_article_the_lists_and_the_side_block():
    article = make_article()
    waiting = make_comment(article=article, state="waiting", text="Đang chờ duyệt")
    category = article.category.get_absolute_url()
    for url in (article.get_absolute_url(), category, "/"):
        read(url)
        _, html = read(url)
        assert "Đang chờ duyệt" not in html
    moderate(comments=Comment.objects.filter(pk=waiting.pk), state="approved")
    _, html = read(article.get_absolute_url())
    assert (
        "Đang chờ duyệt" in html
        and "Ý kiến bạn đọc (<span data-comment-count>1<" in html
    )
    _, html = read(category)
    assert "1 bình luận" in html
    _, html = read("/")
    assert "Đang chờ duyệt" in html.split("Bình luận mới", 1)[1]


def test_an_edited_article_shows_on_its_page_and_every_list():
    article = make_article(title="Tiêu đề cũ", tags=["bầu cử"])
    urls = [
        article.get_absolute_url(),
        "/",
        article.category.get_absolute_url(),
        "/the/bau-cu/",
    ]
    for url in urls:
        read(url)
    article.title = "Tiêu đề mới"
    article.save()
    for url in urls:
        _, html = read(url)
        assert "Tiêu đề mới" in html and "Tiêu đề cũ" not in html, url


def test_an_unpublished_article_is_gone_at_once():
    article = make_article(title="Bài sẽ gỡ")
    read(article.get_absolute_url())
    read("/")
    article.status = Article.Status.UNPUBLISHED
    article.save()
    response, _ = read(article.get_absolute_url())
    assert response.status_code == 404
    _, html = read("/")
    assert "Bài sẽ gỡ" not in html


def test_a_published_draft_appears_at_once():
    draft = make_article(title="Bài mới duyệt", status=Article.Status.DRAFT)
    read("/")
    draft.status = Article.Status.PUBLISHED
    draft.save()
    _, html = read("/")
    assert "Bài mới duyệt" in html


@pytest.mark.parametrize("change", ["category", "banner", "album", "site"])
def test_a_changed_category_banner_album_or_site_setting_shows_at_once(change):
    category = make_category(name="Chuyên mục cũ")
    article = make_article(category=category)
    album = make_album(title="Album cũ", photos=1)
    banner = make_banner(alt_text="Biểu ngữ cũ")
    urls = [article.get_absolute_url(), "/", "/thu-vien-anh/"]
    for url in urls:
        read(url)
    if change == "category":
        category.name, old, new = "Chuyên mục mới", "Chuyên mục cũ", "Chuyên mục mới"
        category.save()
    elif change == "banner":
        banner.alt_text, old, new = "Biểu ngữ mới", "Biểu ngữ cũ", "Biểu ngữ mới"
        banner.save()
    elif change == "album":
        album.title, old, new = "Album mới", "Album cũ", "Album mới"
        album.save()
        urls = ["/thu-vien-anh/"]
    else:
        site = SiteSettings.load()
        site.site_name, old, new = "Cổng mới", site.site_name, "Cổng mới"
        site.save()
    for url in urls:
        _, html = read(url)
        assert new in html and old not in html, url


def test_a_scheduled_article_appears_at_its_second_and_a_taken_down_one_goes():
    now = timezone.now().replace(microsecond=0)
    coming = make_article(title="Bài hẹn giờ", publish_at=now + timedelta(minutes=5))
    going = make_article(
        title="Bài hết hạn",
        publish_at=now - timedelta(days=1),
        take_down_at=now + timedelta(minutes=10),
    )
    with time_machine.travel(now + timedelta(minutes=5) - timedelta(seconds=1)):
        read("/")
        response, html = read("/")
        assert response["X-Page-Cache"] == "hit"
        assert "Bài hẹn giờ" not in html and "Bài hết hạn" in html
        read(going.get_absolute_url())
    with time_machine.travel(now + timedelta(minutes=5)):
        _, html = read("/")
        assert "Bài hẹn giờ" in html
        response, _ = read(coming.get_absolute_url())
        assert response.status_code == 200
    with time_machine.travel(now + timedelta(minutes=10) - timedelta(seconds=1)):
        read(going.get_absolute_url())
        response, _ = read(going.get_absolute_url())
        assert response.status_code == 200
    with time_machine.travel(now + timedelta(minutes=10)):
        response, _ = read(going.get_absolute_url())
        assert response.status_code == 404
        _, html = read("/")
        assert "Bài hết hạn" not in html


def test_another_process_change_is_seen_at_the_next_poll():
    article = make_article(title="Trước")
    read(article.get_absolute_url())
    # Another process changed the article and raised the versions.
    Article.objects.filter(pk=article.pk).update(title="Sau")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_generation (scope, value, changed) VALUES "
            "('site', 1000, clock_timestamp()) ON CONFLICT (scope) DO UPDATE "
            "SET value = 1000, changed = clock_timestamp()"
        )
    response, html = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit" and "Trước" in html  # not yet polled
    pagecache.versions.next_poll = 0.0  # the poll is due
    response, html = read(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "Sau" in html


def test_a_reader_who_just_acted_gets_a_page_of_their_own():
    article = make_article()
    reader = Client()
    read(article.get_absolute_url())
    response = reader.post(f"/danh-gia/{article.pk}/", {"score": "3"})
    assert response.cookies[pagecache.FRESH_COOKIE]["max-age"] == 5
    response, html = read(article.get_absolute_url(), reader)
    assert "X-Page-Cache" not in response
    assert "3 trong 1 đánh giá" in html
