"""Emails to moderators and to readers who asked to hear about replies."""

import re

import pytest

from comments.models import Comment
from comments.notifications import unsubscribe_token
from tests.comments.conftest import post_url
from tests.factories import comment_data, make_article, make_comment, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_moderation(site):
    site.comment_moderation = "none"
    site.save()


def test_moderators_are_emailed_a_link_to_a_waiting_comment(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://tin.example.vn"
    make_user("thuky", role="Thư ký tòa soạn")
    make_user("phongvien", role="Phóng viên")
    article = make_article(title="Bài cần duyệt")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), comment_data(article, text="Xin duyệt giúp"))
    comment = Comment.objects.get()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["thuky@example.org"]
    assert "Xin duyệt giúp" in mail.body and "Bài cần duyệt" in mail.body
    assert (
        f"https://tin.example.vn/admin/comments/comment/{comment.pk}/change/"
        in mail.body
    )


def test_no_moderator_email_for_a_comment_that_shows_at_once(
    client, mailoutbox, django_capture_on_commit_callbacks, no_moderation
):
    make_user("thuky", role="Thư ký tòa soạn")
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), comment_data(article))
    assert mailoutbox == []


def _reply(client, article, parent, **fields):
    return client.post(
        post_url(article), comment_data(article, parent=parent.pk, **fields)
    )


def test_a_reader_who_opted_in_is_emailed_a_reply_with_an_unsubscribe_link(
    client, mailoutbox, django_capture_on_commit_callbacks, no_moderation, settings
):
    settings.SITE_URL = "https://tin.example.vn"
    article = make_article(title="Bài có trả lời")
    original = make_comment(
        article=article, email="an@example.org", name="An", notify_replies=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, article, original, name="Bình", text="Tôi đồng ý với bạn")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["an@example.org"]
    assert "Bình" in mail.body and "Tôi đồng ý với bạn" in mail.body
    reply = Comment.objects.get(name="Bình")
    assert f"https://tin.example.vn/binh-luan/{reply.pk}/" in mail.body
    link = re.search(
        r"https://tin.example.vn(/binh-luan/huy-nhan-thong-bao/\S+/)", mail.body
    )
    assert link
    assert mail.extra_headers["List-Unsubscribe"] == f"<{link.group(0)}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_reply_email_without_opt_in_or_to_oneself(
    client, mailoutbox, django_capture_on_commit_callbacks, no_moderation
):
    article = make_article()
    quiet = make_comment(article=article, notify_replies=False)
    myself = make_comment(article=article, email="toi@example.org", notify_replies=True)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, article, quiet)
        _reply(client, article, myself, email="TOI@example.org")
    assert mailoutbox == []


def test_a_waiting_reply_emails_only_once_approved(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    article = make_article()
    original = make_comment(
        article=article, email="an@example.org", notify_replies=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, article, original, text="Chờ duyệt rồi mới báo")
    reply = Comment.objects.get(text="Chờ duyệt rồi mới báo")
    assert reply.state == "waiting"
    assert [m.to for m in mailoutbox] == []  # no moderators with an email exist
    client.force_login(make_user("thuky", role="Thư ký tòa soạn"))
    client.post(
        "/admin/comments/comment/",
        {"action": "approve", "_selected_action": [reply.pk]},
    )
    assert [m.to for m in mailoutbox] == [["an@example.org"]]


def test_the_answer_to_a_reply_goes_to_the_replys_author(
    client, mailoutbox, django_capture_on_commit_callbacks, no_moderation
):
    article = make_article()
    root = make_comment(article=article, email="goc@example.org", notify_replies=True)
    reply = make_comment(
        article=article,
        parent=root,
        reply_to=root,
        email="traloi@example.org",
        notify_replies=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, article, reply)
    assert [m.to for m in mailoutbox] == [["traloi@example.org"]]


def test_unsubscribing_asks_on_get_and_acts_on_post(client):
    article = make_article()
    first = make_comment(article=article, email="An@Example.org", notify_replies=True)
    second = make_comment(email="an@example.org", notify_replies=True)
    other = make_comment(email="khac@example.org", notify_replies=True)
    url = f"/binh-luan/huy-nhan-thong-bao/{unsubscribe_token('an@example.org')}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Ngừng gửi email đến an@example.org" in page.content.decode()
    assert Comment.objects.filter(notify_replies=True).count() == 3
    response = client.post(url)
    assert response.status_code == 200
    assert "sẽ không nhận email" in response.content.decode()
    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.notify_replies is False
    other.refresh_from_db()
    assert other.notify_replies is True


def test_one_click_unsubscribe_works_without_a_csrf_token():
    from django.test import Client

    comment = make_comment(email="an@example.org", notify_replies=True)
    client = Client(enforce_csrf_checks=True)
    url = f"/binh-luan/huy-nhan-thong-bao/{unsubscribe_token('an@example.org')}/"
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    comment.refresh_from_db()
    assert comment.notify_replies is False


@pytest.mark.parametrize("token", ["abc", "YW5AZXhhbXBsZS5vcmc:1abc:forged"])
def test_a_forged_unsubscribe_link_is_400_and_changes_nothing(client, token):
    comment = make_comment(email="an@example.org", notify_replies=True)
    assert client.get(f"/binh-luan/huy-nhan-thong-bao/{token}/").status_code == 400
    assert client.post(f"/binh-luan/huy-nhan-thong-bao/{token}/").status_code == 400
    comment.refresh_from_db()
    assert comment.notify_replies is True


def test_without_site_url_links_point_where_the_comment_was_sent(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = ""
    make_user("thuky", role="Thư ký tòa soạn")
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            post_url(article), comment_data(article), HTTP_HOST="localhost:8612"
        )
    comment = Comment.objects.get()
    assert (
        f"http://localhost:8612/admin/comments/comment/{comment.pk}/change/"
        in mailoutbox[0].body
    )
    assert ":8000" not in mailoutbox[0].body


def test_reply_emails_sent_from_the_admin_link_to_the_admins_address(
    client, mailoutbox, settings
):
    settings.SITE_URL = ""
    article = make_article()
    original = make_comment(article=article, notify_replies=True)
    reply = make_comment(
        article=article,
        reply_to=original,
        parent=original,
        state=Comment.State.WAITING,
    )
    client.force_login(make_user(role="Thư ký tòa soạn"))
    client.post(
        "/admin/comments/comment/",
        {"action": "approve", "_selected_action": [reply.pk]},
        HTTP_HOST="localhost:8613",
    )
    assert len(mailoutbox) == 1
    assert f"http://localhost:8613/binh-luan/{reply.pk}/" in mailoutbox[0].body


def test_without_site_url_or_request_links_use_the_port_in_use(settings):
    from comments.notifications import notify_moderators

    settings.SITE_URL, settings.PORT = "", "8614"
    make_user("thuky", role="Thư ký tòa soạn")
    comment = make_comment(state=Comment.State.WAITING)
    from django.core import mail

    notify_moderators(comment)
    assert f"http://127.0.0.1:8614/admin/comments/comment/{comment.pk}/" in (
        mail.outbox[0].body
    )
