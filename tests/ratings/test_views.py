import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from news.models import Article
from portal.models import SiteSettings
from ratings.models import Vote
from tests.factories import make_article, make_user, make_vote

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def vote_url(article):
    return f"/danh-gia/{article.pk}/"


def site_settings(**fields):
    site = SiteSettings.load()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def jsonld(html):
    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(block)


def test_an_unrated_article_shows_zero_of_zero_and_five_labelled_stars(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 0 trong 0 đánh giá" in html
    assert "Click để đánh giá bài viết" in html
    assert html.count('type="radio" name="score"') == 5
    for n in range(1, 6):
        assert f'<label for="rating-{article.pk}-{n}"' in html
        assert f'<span class="visually-hidden">{n} sao</span>' in html
    assert "<legend>Click để đánh giá bài viết</legend>" in html
    assert "aggregateRating" not in jsonld(html)


def test_the_line_shows_sum_count_and_the_average_with_a_decimal_comma(client):
    article = make_article()
    for score in (5, 4, 4):
        make_vote(article, score)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 13 trong 3 đánh giá" in html
    assert "4,3/5" in html


def test_large_totals_group_thousands_with_a_dot(client):
    article = make_article()
    Vote.objects.bulk_create(
        Vote(article=article, score=5, voter=f"g:{i:032x}", ip_hash="f" * 64)
        for i in range(1200)
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 6.000 trong 1.200 đánh giá" in html


def test_english_readers_get_the_line_in_english_with_a_decimal_point(client):
    article = make_article()
    for score in (5, 4, 4):
        make_vote(article, score)
    client.cookies["django_language"] = "en"
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Total score of this article: 13 from 3 ratings" in html
    assert "4.3/5" in html
    assert "Click to rate this article" in html
    refused = client.post(vote_url(article), {"score": "9"}, **JSON)
    assert refused.json()["error"] == "Choose from 1 to 5 stars."


def test_a_guest_who_votes_4_then_2_reads_2_of_1(client):
    article = make_article()
    first = client.post(vote_url(article), {"score": "4"})
    assert first.status_code == 302
    assert first["Location"] == article.get_absolute_url() + "#danh-gia"
    assert first.cookies["ratings_voter"]["httponly"]
    assert client.post(vote_url(article), {"score": "2"}).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 2 trong 1 đánh giá" in html
    assert "Bạn đã chấm 2/5." in html
    assert f'value="2" id="rating-{article.pk}-2" checked' in html
    vote = Vote.objects.get()
    assert vote.is_guest and vote.user is None and vote.score == 2


def test_a_fetch_vote_answers_json_with_the_new_line(client):
    article = make_article()
    make_vote(article, 5)
    response = client.post(vote_url(article), {"score": "4"}, **JSON)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["line"] == "Tổng số điểm của bài viết là: 9 trong 2 đánh giá"
    assert body["average"] == "4,5/5"
    assert (body["total"], body["count"], body["score"]) == (9, 2, 4)
    again = client.post(vote_url(article), {"score": "1"}, **JSON).json()
    assert (again["total"], again["count"]) == (6, 2)


def test_a_guest_who_clears_cookies_is_a_new_voter(client):
    article = make_article()
    client.post(vote_url(article), {"score": "4"})
    client.cookies.clear()
    client.post(vote_url(article), {"score": "2"})
    assert Vote.objects.count() == 2


def test_a_forged_voter_cookie_is_ignored_and_replaced(client):
    article = make_article()
    make_vote(article, 1, voter="g:" + "a" * 32)
    client.cookies["ratings_voter"] = "a" * 32  # unsigned: not believed
    response = client.post(vote_url(article), {"score": "5"})
    assert response.status_code == 302
    assert Vote.objects.get(voter="g:" + "a" * 32).score == 1
    assert Vote.objects.count() == 2


def test_a_signed_in_reader_votes_by_account_from_any_browser():
    article = make_article()
    user = make_user()
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    laptop.post(vote_url(article), {"score": "5"})
    phone.post(vote_url(article), {"score": "3"})
    vote = Vote.objects.get()
    assert (vote.user, vote.voter, vote.score) == (user, f"u:{user.pk}", 3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Bạn chưa chọn số sao."),
        ({"score": ""}, "Bạn chưa chọn số sao."),
        ({"score": "0"}, "Hãy chọn từ 1 đến 5 sao."),
        ({"score": "6"}, "Hãy chọn từ 1 đến 5 sao."),
        ({"score": "-1"}, "Hãy chọn từ 1 đến 5 sao."),
        ({"score": "4.5"}, "Hãy chọn từ 1 đến 5 sao."),
        ({"score": "bốn"}, "Hãy chọn từ 1 đến 5 sao."),
        ({"score": "9" * 40}, "Hãy chọn từ 1 đến 5 sao."),
    ],
)
def test_a_bad_score_is_400_with_a_message_and_stores_nothing(client, data, message):
    article = make_article()
    response = client.post(vote_url(article), data, **JSON)
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error": message}
    html = client.post(vote_url(article), data)
    assert html.status_code == 400
    assert message in html.content.decode()
    assert "Quay lại bài viết" in html.content.decode()
    assert not Vote.objects.exists()


def test_unknown_unpublished_and_scheduled_articles_are_404(client):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(publish_at=timezone.now() + timezone.timedelta(days=1))
    for url in [vote_url(draft), vote_url(scheduled), "/danh-gia/999999999/"]:
        response = client.post(url, {"score": "5"}, **JSON)
        assert response.status_code == 404, url
        assert response.json()["error"] == "Không có bài viết này."
        page = client.post(url, {"score": "5"})
        assert page.status_code == 404
        assert "Không có bài viết này." in page.content.decode()
    assert client.post("/danh-gia/" + "9" * 19 + "/", {"score": "5"}).status_code == 404
    assert not Vote.objects.exists()


def test_an_article_with_ratings_off_refuses_votes_and_hides_the_stars(client):
    article = make_article(allow_ratings=False)
    make_vote(article, 5)
    response = client.post(vote_url(article), {"score": "5"}, **JSON)
    assert response.status_code == 403
    assert response.json()["error"] == "Bài viết này không nhận đánh giá."
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm" not in html and "aggregateRating" not in html
    assert Vote.objects.count() == 1


def test_the_site_setting_turns_ratings_off_everywhere(client):
    article = make_article()
    site_settings(ratings_enabled=False)
    assert client.post(vote_url(article), {"score": "5"}).status_code == 403
    assert "Tổng số điểm" not in client.get(article.get_absolute_url()).content.decode()
    assert not Vote.objects.exists()


def test_when_guests_may_not_rate_only_signed_in_readers_vote(client):
    article = make_article()
    site_settings(guests_may_rate=False)
    response = client.post(vote_url(article), {"score": "5"}, **JSON)
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn cần đăng nhập để đánh giá bài viết."
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 0 trong 0 đánh giá" in html
    assert 'name="score"' not in html
    assert "Chỉ người đã đăng nhập mới đánh giá được bài viết." in html
    client.force_login(make_user())
    assert client.post(vote_url(article), {"score": "5"}).status_code == 302
    assert Vote.objects.get().score == 5


def test_get_on_the_vote_url_is_405_with_a_message(client):
    article = make_article()
    response = client.get(vote_url(article))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Chỉ gửi đánh giá bằng biểu mẫu" in response.content.decode()
    assert client.get(vote_url(article), **JSON).json()["ok"] is False
    assert not Vote.objects.exists()


@pytest.mark.parametrize("token", [None, "sai" * 11, "x" * 64])
def test_a_missing_or_bad_csrf_token_is_403_with_a_message(token):
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    client.get(article.get_absolute_url())  # sets the csrftoken cookie
    data = {"score": "5"}
    if token:
        data["csrfmiddlewaretoken"] = token
    response = client.post(vote_url(article), data)
    assert response.status_code == 403
    assert (
        "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ"
        in response.content.decode()
    )
    fetch = client.post(vote_url(article), data, **JSON)
    assert fetch.status_code == 403
    assert fetch.json()["ok"] is False
    assert not Vote.objects.exists()


def test_the_page_form_token_is_accepted(client):
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    html = client.get(article.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(
        vote_url(article), {"score": "3", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Vote.objects.get().score == 3


def test_json_ld_carries_the_aggregate_rating_on_the_news_article(client):
    article = make_article()
    for score in (5, 4, 4):
        make_vote(article, score)
    data = jsonld(client.get(article.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.3,
        "ratingCount": 3,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_the_rating_summary_adds_exactly_one_query_to_the_article_page(
    client, cold_get, django_assert_num_queries
):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    article = make_article()
    make_vote(article, 4)
    site_settings(ratings_enabled=False)
    cold_get(article.get_absolute_url())  # warm the site-settings cache
    reset_queries()  # each request resets the log the context slices
    with CaptureQueriesContext(connection) as without:
        cold_get(article.get_absolute_url())
    baseline = len(without.captured_queries)  # read before the log is reset again
    assert baseline >= 4  # the page reads articles, tags, comments
    site_settings(ratings_enabled=True)
    cold_get(article.get_absolute_url())
    with django_assert_num_queries(baseline + 1):
        html = cold_get(article.get_absolute_url()).content.decode()
    assert "aggregateRating" in html and "1 trong 1 đánh giá" not in html
    assert "4 trong 1 đánh giá" in html


def test_a_staff_preview_shows_the_summary_without_the_form(client):
    article = make_article(status=Article.Status.DRAFT)
    make_vote(article, 3)
    client.force_login(make_user(role="Thư ký tòa soạn"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 3 trong 1 đánh giá" in html
    assert 'name="score"' not in html
