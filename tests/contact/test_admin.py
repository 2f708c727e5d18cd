"""Readers' messages in the admin: readable, a handled flag, email sent again."""

import pytest
from django.urls import reverse

from portal.contact.models import ContactMessage, Department
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return Department.objects.create(name="Văn phòng", emails="vp@example.org")


def make_message(department=None, **fields):
    fields.setdefault("name", "Trần Văn Nam")
    fields.setdefault("email", "nam@example.org")
    fields.setdefault("subject", "Góp ý <b>trang</b>")
    fields.setdefault("message", "Dòng một\n<script>alert(1)</script>")
    return ContactMessage.objects.create(department=department, **fields)


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("thuky", role="Thư ký tòa soạn"))
    return client


def test_the_list_shows_messages_with_their_email_state_and_handled_flag(
    editor_client, office
):
    make_message(office, delivery="failed", delivery_error="SMTP down")
    make_message(office, subject="Đã xong", is_handled=True)
    response = editor_client.get(reverse("admin:contact_contactmessage_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Góp ý &lt;b&gt;trang&lt;/b&gt;" in html
    assert "Gửi email lỗi" in html and "Văn phòng" in html
    failed = editor_client.get(
        reverse("admin:contact_contactmessage_changelist") + "?delivery__exact=failed"
    ).content.decode()
    assert "Góp ý" in failed and "Đã xong" not in failed
    assert reverse("admin:contact_contactmessage_add") not in html


def test_a_message_reads_as_sent_and_only_its_handled_flag_changes(
    editor_client, office
):
    message = make_message(office, delivery="failed", delivery_error="SMTP down")
    url = reverse("admin:contact_contactmessage_change", args=[message.pk])
    html = editor_client.get(url).content.decode()
    assert "Dòng một<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "SMTP down" in html
    assert 'name="message"' not in html and 'name="subject"' not in html
    response = editor_client.post(
        url, {"is_handled": "on", "subject": "Sửa đổi", "message": "Sửa đổi"}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.is_handled and message.handled_at is not None
    assert message.handled_by.username == "thuky"
    assert message.subject == "Góp ý <b>trang</b>"  # the reader's words stay


def test_actions_mark_handled_and_email_again(editor_client, office, mailoutbox):
    failed = make_message(office, delivery="failed", delivery_error="SMTP down")
    held = make_message(office, delivery="held", held_reason="có 3 liên kết")
    changelist = reverse("admin:contact_contactmessage_changelist")
    response = editor_client.post(
        changelist,
        {"action": "send_email", "_selected_action": [failed.pk, held.pk]},
        follow=True,
    )
    assert "Đã gửi email 2 thư." in response.content.decode()
    assert len(mailoutbox) == 2 and mailoutbox[0].to == ["vp@example.org"]
    for message in (failed, held):
        message.refresh_from_db()
        assert message.delivery == "sent" and message.delivery_error == ""
    editor_client.post(
        changelist, {"action": "mark_handled", "_selected_action": [failed.pk]}
    )
    failed.refresh_from_db()
    assert failed.is_handled and failed.handled_by.username == "thuky"
    editor_client.post(
        changelist, {"action": "mark_unhandled", "_selected_action": [failed.pk]}
    )
    failed.refresh_from_db()
    assert not failed.is_handled and failed.handled_by is None


def test_email_sent_again_that_fails_again_says_so(editor_client, office, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        8549,
        2,
    )
    message = make_message(office, delivery="failed", delivery_error="cũ")
    response = editor_client.post(
        reverse("admin:contact_contactmessage_changelist"),
        {"action": "send_email", "_selected_action": [message.pk]},
        follow=True,
    )
    assert "Không gửi được email 1 thư" in response.content.decode()
    message.refresh_from_db()
    assert message.delivery == "failed" and "Connection" in message.delivery_error


def test_who_reads_messages_and_keeps_departments(client, office):
    message = make_message(office)
    reporter = make_user("phongvien", role="Phóng viên")
    client.force_login(reporter)
    assert (
        client.get(reverse("admin:contact_contactmessage_changelist")).status_code
        == 403
    )
    client.force_login(make_user("thuky2", role="Thư ký tòa soạn"))
    assert (
        client.get(
            reverse("admin:contact_contactmessage_delete", args=[message.pk])
        ).status_code
        == 403
    )
    assert client.get(reverse("admin:contact_department_add")).status_code == 403
    client.force_login(make_user("quantri", role="Quản trị viên"))
    response = client.post(
        reverse("admin:contact_department_add"),
        {"name": "Ban Tuyên giáo", "emails": "tg@example.org; a@b", "order": 2},
    )
    assert response.status_code == 200  # refused: "a@b" is not an address
    assert "“a@b” không phải là địa chỉ email hợp lệ." in response.content.decode()
    response = client.post(
        reverse("admin:contact_department_add"),
        {
            "name": "Ban Tuyên giáo",
            "emails": "tg@example.org, pho.tg@example.org",
            "order": 2,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Department.objects.get(name="Ban Tuyên giáo").recipients == [
        "tg@example.org",
        "pho.tg@example.org",
    ]


def test_a_department_with_messages_cannot_be_deleted_so_nothing_is_lost(
    admin_client, office
):
    make_message(office)
    response = admin_client.post(
        reverse("admin:contact_department_delete", args=[office.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # Django lists the protected messages
    assert Department.objects.filter(pk=office.pk).exists()
    assert ContactMessage.objects.count() == 1
