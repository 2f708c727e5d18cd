"""Honeypot, signed form timestamp, rate limits, links and banned words."""

import time

import pytest
import time_machine
from django.utils import timezone

from comments.forms import sign_stamp
from comments.models import Comment
from portal.models import BannedWord
from tests.comments.conftest import post_url
from tests.factories import comment_data, make_article

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def no_moderation(site):
    site.comment_moderation = "none"
    site.save()


def test_a_filled_honeypot_is_refused(client):
    article = make_article()
    response = client.post(
        post_url(article), comment_data(article, website="http://spam.example"), **JSON
    )
    assert response.status_code == 400
    assert "phải để trống" in response.json()["errors"]["website"][0]
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("age", "message"),
    [
        (0, "gửi quá nhanh sau khi mở trang. Vui lòng đợi 3 giây"),
        (2, "gửi quá nhanh sau khi mở trang. Vui lòng đợi 1 giây"),
        (2 * 3600 + 5, "hết hạn. Biểu mẫu đã được làm mới"),
    ],
)
def test_forms_sent_too_fast_or_too_late_say_so(client, time_machine, age, message):
    # The clock stands still, so a slow machine cannot age the form on the way.
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article()
    response = client.post(post_url(article), comment_data(article, age=age), **JSON)
    assert response.status_code == 400
    data = response.json()
    assert message in data["errors"]["stamp"][0]
    assert message in data["message"]  # what the page shows above the form
    assert Comment.objects.count() == 0


def test_a_form_three_seconds_old_is_accepted(client):
    article = make_article()
    response = client.post(post_url(article), comment_data(article, age=3), **JSON)
    assert response.status_code == 201


@pytest.mark.parametrize("stamp", ["", "khong-ky", "bad:signature"])
def test_a_missing_or_forged_stamp_is_refused(client, stamp):
    article = make_article()
    response = client.post(
        post_url(article), comment_data(article, stamp=stamp), **JSON
    )
    assert response.status_code == 400
    assert "Biểu mẫu không hợp lệ." in response.json()["message"]
    assert Comment.objects.count() == 0


def test_a_stamp_from_another_articles_form_is_refused(client):
    article, other = make_article(), make_article()
    stamp = sign_stamp(other.pk, issued_at=time.time() - 10)
    response = client.post(
        post_url(article), comment_data(article, stamp=stamp), **JSON
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_one_comment_per_30_seconds_per_address(client, settings):
    settings.COMMENTS_RATE_LIMITS = "1/30,10/3600"
    article = make_article()
    with time_machine.travel(1_899_999_990, tick=False):  # a window starts
        assert (
            client.post(post_url(article), comment_data(article), **JSON).status_code
            == 201
        )
        response = client.post(post_url(article), comment_data(article), **JSON)
        assert response.status_code == 429
        assert "thử lại sau 30 giây" in response.json()["message"]
        assert response["Retry-After"] == "30"
        # Another address is not held back.
        other = client.post(
            post_url(article),
            comment_data(article),
            REMOTE_ADDR="198.51.100.4",
            **JSON,
        )
        assert other.status_code == 201
    with time_machine.travel(1_900_000_021, tick=False):
        assert (
            client.post(post_url(article), comment_data(article), **JSON).status_code
            == 201
        )
    assert Comment.objects.count() == 3


def test_ten_comments_per_hour_per_address(client, settings):
    settings.COMMENTS_RATE_LIMITS = "1/30,10/3600"
    article = make_article()
    start = 1_900_000_800  # the start of an hour
    statuses = []
    for i in range(11):
        with time_machine.travel(start + i * 31, tick=False):
            statuses.append(
                client.post(
                    post_url(article), comment_data(article), **JSON
                ).status_code
            )
    assert statuses == [201] * 10 + [429]
    assert Comment.objects.count() == 10


def test_a_rate_limited_post_without_javascript_keeps_the_text(client, settings):
    settings.COMMENTS_RATE_LIMITS = "1/30"
    article = make_article()
    client.post(post_url(article), comment_data(article))
    response = client.post(post_url(article), comment_data(article, text="Còn giữ"))
    assert response.status_code == 429
    assert "Còn giữ" in response.content.decode()


def test_more_than_two_links_hold_a_comment_even_without_moderation(
    client, no_moderation
):
    article = make_article()
    two = "Xem https://a.example và www.b.example nhé"
    three = two + " cùng http://c.example/trang?x=1"
    client.post(post_url(article), comment_data(article, text=two))
    client.post(post_url(article), comment_data(article, text=three))
    assert Comment.objects.get(text=two).state == Comment.State.APPROVED
    held = Comment.objects.get(text=three)
    assert held.state == Comment.State.WAITING
    assert "3 liên kết" in held.held_reason


def test_a_banned_word_holds_a_comment_even_without_moderation(client, no_moderation):
    BannedWord.objects.create(word="lừa đảo")
    article = make_article()
    client.post(post_url(article), comment_data(article, text="Đây là LỪA ĐẢO!"))
    client.post(post_url(article), comment_data(article, text="Đây là lúa đào."))
    assert Comment.objects.get(text="Đây là LỪA ĐẢO!").state == Comment.State.WAITING
    assert Comment.objects.get(text="Đây là lúa đào.").state == Comment.State.APPROVED


def test_banned_words_are_edited_in_the_admin(admin_client):
    response = admin_client.post("/admin/portal/bannedword/add/", {"word": "quảng cáo"})
    assert response.status_code == 302
    duplicate = admin_client.post(
        "/admin/portal/bannedword/add/", {"word": "QUẢNG CÁO"}
    )
    assert duplicate.status_code == 200  # refused by the named unique constraint
    assert BannedWord.objects.count() == 1
