"""Every bad input gets a 4xx with a clear Vietnamese message and stores nothing."""

import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from news.models import Article
from tests.comments.conftest import post_url
from tests.factories import comment_data, make_article, make_comment

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": ""}, "text", "Vui lòng nhập nội dung bình luận."),
        ({"text": "   \r\n  "}, "text", "Vui lòng nhập nội dung bình luận."),
        ({"text": "a" * 3001}, "text", "Nội dung dài tối đa 3000 ký tự"),
        ({"name": ""}, "name", "Vui lòng nhập họ và tên."),
        ({"name": "n" * 81}, "name", "Họ và tên dài tối đa 80 ký tự."),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ email không hợp lệ."),
        ({"email": ""}, "email", "Vui lòng nhập email."),
        ({"parent": "abc"}, "parent", "Bình luận được trả lời không hợp lệ."),
        ({"parent": "99999999"}, "parent", "không còn hiển thị"),
    ],
)
def test_bad_fields_are_400_with_the_message_and_nothing_stored(
    client, fields, field, message
):
    article = make_article()
    response = client.post(post_url(article), comment_data(article, **fields), **JSON)
    assert response.status_code == 400
    data = response.json()
    assert not data["ok"] and message in " ".join(data["errors"][field])
    assert Comment.objects.count() == 0


def test_text_of_exactly_3000_characters_with_windows_line_breaks_is_accepted(client):
    article = make_article()
    text = ("x" * 99 + "\r\n") * 30  # 3000 characters once line breaks are "\n"
    response = client.post(post_url(article), comment_data(article, text=text))
    assert response.status_code == 302
    assert len(Comment.objects.get().text) == 2999  # the last line break is trimmed


def test_without_javascript_a_bad_post_shows_the_errors_and_keeps_the_text(client):
    article = make_article()
    response = client.post(
        post_url(article), comment_data(article, email="sai", text="Giữ nguyên chữ")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Địa chỉ email không hợp lệ." in page and "Giữ nguyên chữ" in page
    assert page.count("<h1") == 1
    assert Comment.objects.count() == 0


def test_an_expired_form_comes_back_with_a_fresh_stamp_that_works(client):
    article = make_article()
    response = client.post(
        post_url(article), comment_data(article, age=3 * 3600, text="Viết lâu quá")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "biểu mẫu hết hạn" in page and "Viết lâu quá" in page
    stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
    later = time.time() + 5
    with time_machine.travel(later):
        again = client.post(
            post_url(article), comment_data(article, stamp=stamp, text="Viết lâu quá")
        )
    assert again.status_code == 302
    assert Comment.objects.get().text == "Viết lâu quá"


def test_a_refused_reply_says_why_without_javascript(client):
    article = make_article()
    removed = make_comment(article=article, state="removed")
    response = client.post(post_url(article), comment_data(article, parent=removed.pk))
    assert response.status_code == 400
    assert "không còn hiển thị" in response.content.decode()


def test_unknown_or_unpublished_articles_are_404(client):
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(publish_at=timezone.now() + timedelta(days=1))
    for article in (draft, scheduled):
        response = client.post(post_url(article), comment_data(article), **JSON)
        assert response.status_code == 404
        assert response.json()["message"] == (
            "Không có bài viết này hoặc bài viết chưa được đăng."
        )
        page = client.post(post_url(article), comment_data(article))
        assert page.status_code == 404
        assert "Không có bài viết này" in page.content.decode()
    assert client.post("/binh-luan/bai-viet/999999999/gui/", {}).status_code == 404
    assert (
        client.post("/binh-luan/bai-viet/9999999999999999999999/gui/").status_code
        == 404
    )
    assert Comment.objects.count() == 0


def test_a_get_request_changes_nothing(client):
    article = make_article()
    assert client.get(post_url(article)).status_code == 405


@pytest.mark.parametrize("setting", ["site_off", "article_off"])
def test_closed_comments_are_403(client, site, setting):
    article = make_article()
    if setting == "site_off":
        site.comments_enabled = False
        site.save()
    else:
        article.allow_comments = False
        article.save()
    response = client.post(post_url(article), comment_data(article), **JSON)
    assert response.status_code == 403
    assert response.json()["message"] == "Bài viết này không nhận bình luận."
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Bài viết này không nhận bình luận." in page
    assert 'id="comment-form"' not in page
    assert Comment.objects.count() == 0


def test_comments_close_n_days_after_publication(client, site):
    site.comments_close_after_days = 7
    site.save()
    old = make_article(publish_at=timezone.now() - timedelta(days=7, minutes=1))
    recent = make_article(publish_at=timezone.now() - timedelta(days=6, hours=23))
    response = client.post(post_url(old), comment_data(old), **JSON)
    assert response.status_code == 403
    assert response.json()["message"] == "Bài viết đã đóng bình luận."
    assert (
        "Bài viết đã đóng bình luận."
        in client.get(old.get_absolute_url()).content.decode()
    )
    assert (
        client.post(post_url(recent), comment_data(recent), **JSON).status_code == 201
    )


def test_zero_days_means_comments_never_close(client, site):
    site.comments_close_after_days = 0
    site.save()
    ancient = make_article(publish_at=timezone.now() - timedelta(days=3650))
    assert (
        client.post(post_url(ancient), comment_data(ancient), **JSON).status_code == 201
    )


def test_guests_may_not_comment_when_the_setting_says_so(client, site):
    from tests.factories import make_user

    site.guests_may_comment = False
    site.save()
    article = make_article()
    response = client.post(post_url(article), comment_data(article), **JSON)
    assert response.status_code == 403
    assert response.json()["message"] == "Vui lòng đăng nhập để gửi bình luận."
    client.force_login(make_user())
    assert (
        client.post(post_url(article), comment_data(article), **JSON).status_code == 201
    )


def test_a_reply_to_a_comment_of_another_article_is_refused(client):
    article = make_article()
    elsewhere = make_comment(article=make_article())
    response = client.post(
        post_url(article), comment_data(article, parent=elsewhere.pk), **JSON
    )
    assert response.status_code == 400
    assert "không thuộc bài viết này" in response.json()["errors"]["parent"][0]
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("state", ["removed", "spam", "waiting"])
def test_a_reply_to_a_hidden_comment_is_refused(client, state):
    article = make_article()
    hidden = make_comment(article=article, state=state)
    response = client.post(
        post_url(article), comment_data(article, parent=hidden.pk), **JSON
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_a_bad_csrf_token_is_403_and_stores_nothing():
    client = Client(enforce_csrf_checks=True)
    article = make_article()
    response = client.post(post_url(article), comment_data(article))
    assert response.status_code == 403
    assert "Vui lòng tải lại trang rồi gửi lại." in response.content.decode()
    response = client.post(
        post_url(article),
        comment_data(article, csrfmiddlewaretoken="x" * 64),
        **JSON,
    )
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.json()["message"]
    assert Comment.objects.count() == 0


def test_a_form_from_the_page_passes_csrf(client):
    client = Client(enforce_csrf_checks=True)
    article = make_article()
    page = client.get(article.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        post_url(article), comment_data(article, csrfmiddlewaretoken=token)
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("reply", ["²", "١٢", "-1", "9" * 19, "1e3", ""])
def test_a_malformed_reply_link_shows_the_article_without_a_reply_target(client, reply):
    article = make_article()
    response = client.get(article.get_absolute_url(), {"tra-loi": reply})
    assert response.status_code == 200
    assert 'name="parent" value=' not in response.content.decode().replace(
        'name="parent" value=""', ""
    )
