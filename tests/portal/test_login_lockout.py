"""The admin login against password guessing: lockout per username and address,
the address as the trusted-proxy helper reads it, and the way out by email."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "mat-khau-thu-1"
LOCKED = "tạm thời bị khóa đăng nhập"


@pytest.fixture
def editor():
    return make_user("bientap", role="Thư ký tòa soạn")


def attempt(client, password, *, username="bientap", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_thirty_wrong_passwords_lock_the_account_and_the_right_one_is_refused_until_the_cool_off_ends(
    client, editor, settings
):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statuses = [attempt(client, f"sai-{n}").status_code for n in range(30)]
        # Four ordinary refusals, then the fifth failure locks the pair out.
        assert statuses[:4] == [200] * 4
        assert set(statuses[4:]) == {429}
        refused = attempt(client, PASSWORD)
        assert refused.status_code == 429
        html = refused.content.decode()
        assert LOCKED in html
        assert "Vui lòng thử lại sau 15 phút" in html
        assert reverse("admin_password_reset") in html
        assert not signed_in(client)
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert attempt(client, PASSWORD).status_code == 429
        assert not signed_in(client)
    # Every try during the lockout started the wait again: 15 minutes after the last.
    with time_machine.travel(start + timedelta(minutes=14 + 16), tick=False):
        response = attempt(client, PASSWORD)
        assert response.status_code == 302
        assert signed_in(client)


def test_the_lockout_holds_for_that_address_only(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt(client, f"sai-{n}", REMOTE_ADDR="203.0.113.5")
    assert attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.5").status_code == 429
    # The same account from the office's own address, and another account from
    # the guessing address, are not locked.
    assert attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 302
    client.logout()
    make_user("phongvien", role="Phóng viên")
    other = attempt(client, PASSWORD, username="phongvien", REMOTE_ADDR="203.0.113.5")
    assert other.status_code == 302


def test_a_forged_forwarded_for_neither_dodges_the_lockout_nor_frames_anyone(
    client, editor, settings
):
    """Behind one proxy the client is the address the proxy appended; whatever the
    client wrote before it is not believed."""
    settings.TRUSTED_PROXIES = 1
    settings.AXES_FAILURE_LIMIT = 3
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    victim = "198.51.100.7"
    for n in range(10):
        # A new made-up address each time, and the victim's, before the real one.
        forged = f"192.0.2.{n}, {victim}, 203.0.113.5"
        attempt(client, f"sai-{n}", HTTP_X_FORWARDED_FOR=forged, **proxy)
    dodge = attempt(
        client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5", **proxy
    )
    assert dodge.status_code == 429
    # The victim, at the address the attacker wrote, signs in.
    own = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR=victim, **proxy)
    assert own.status_code == 302


def test_attempts_and_sign_ins_are_visible_in_the_admin_without_raw_addresses(
    client, editor, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    attempt(client, "sai-1", REMOTE_ADDR="203.0.113.5")
    attempt(client, "sai-2", REMOTE_ADDR="203.0.113.5")
    attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.9")
    (locked,) = AccessAttempt.objects.all()
    assert locked.username == "bientap" and locked.failures_since_start == 2
    # Like every address the portal keeps, the login records hold a pseudonym.
    assert locked.ip_address.startswith("2001:db8:")
    assert "203.0.113" not in str(list(AccessLog.objects.values()))
    assert AccessLog.objects.get().username == "bientap"

    client.force_login(make_user("quantri", role="Quản trị viên"))
    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    logins = client.get(reverse("admin:axes_accesslog_changelist"))
    assert attempts.status_code == logins.status_code == 200
    assert "bientap" in attempts.content.decode()
    assert "bientap" in logins.content.decode()


def test_a_locked_out_editor_resets_the_password_by_email_and_signs_in(
    client, editor, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        attempt(client, f"sai-{n}")
    assert attempt(client, PASSWORD).status_code == 429

    page = client.get(reverse("admin_password_reset"))
    assert page.status_code == 200
    sent = client.post(reverse("admin_password_reset"), {"email": editor.email})
    assert sent.status_code == 302
    (message,) = mail.outbox
    assert message.to == [editor.email]
    link = re.search(r"https?://[^/\s]+(/admin/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2024", "new_password2": "Mat-khau-moi-2024"},
    )
    assert done.status_code == 302
    assert attempt(client, "Mat-khau-moi-2024").status_code == 302
    assert signed_in(client)


def test_password_reset_mails_staff_only_and_says_the_same_to_everyone(client):
    make_user("bandoc")  # a reader's account, not staff
    response = client.post(
        reverse("admin_password_reset"), {"email": "bandoc@example.org"}
    )
    unknown = client.post(
        reverse("admin_password_reset"), {"email": "khong-co@example.org"}
    )
    assert response.status_code == unknown.status_code == 302
    assert response["Location"] == unknown["Location"]
    assert mail.outbox == []


def test_the_login_page_links_to_the_password_reset(client):
    html = client.get(LOGIN).content.decode()
    assert (
        f'<a href="{reverse("admin_password_reset")}">'
        "Quên mật khẩu hoặc tên đăng nhập?</a>" in html
    )


def test_the_lockout_page_is_translated(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client.cookies["django_language"] = "en"
    for n in range(2):
        attempt(client, f"sai-{n}")
    html = attempt(client, PASSWORD).content.decode()
    assert "temporarily locked" in html
    assert LOCKED not in html
