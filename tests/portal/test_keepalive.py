"""Sliding session expiry and the keep-alive endpoint, over HTTP."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def expiry(client):
    key = client.cookies["sessionid"].value
    return Session.objects.get(session_key=key).expire_date


def test_idle_timeout_defaults_to_thirty_minutes():
    from django.conf import settings

    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT


def test_keep_alive_restarts_the_idle_clock(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(make_user(role="Phóng viên"))
    Session.objects.update(expire_date=timezone.now() + timedelta(seconds=30))
    response = client.post(reverse("keepalive"))
    assert response.status_code == 200
    assert response.json() == {"expires_in": 600}
    remaining = expiry(client) - timezone.now()
    assert timedelta(seconds=590) < remaining <= timedelta(seconds=600)


def test_any_request_of_a_signed_in_user_restarts_the_clock(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(make_user(role="Phóng viên"))
    Session.objects.update(expire_date=timezone.now() + timedelta(seconds=30))
    client.get(reverse("admin:index"))
    assert expiry(client) - timezone.now() > timedelta(seconds=590)


def test_an_expired_session_cannot_be_kept_alive(client):
    client.force_login(make_user(role="Phóng viên"))
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.post(reverse("keepalive"))
    assert response.status_code == 401
    assert "đăng nhập lại" in response.json()["error"]


def test_keep_alive_changes_nothing_on_get(client):
    client.force_login(make_user(role="Phóng viên"))
    assert client.get(reverse("keepalive")).status_code == 405


def test_keep_alive_needs_the_csrf_token(settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role="Phóng viên"))
    assert client.post(reverse("keepalive")).status_code == 403


def test_public_pages_carry_the_banner_for_signed_in_staff_only(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="keepalive"' not in html
    client.force_login(make_user(role="Phóng viên"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="keepalive"' in html
    assert (
        "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: "
        in html
    )
    assert '<span class="keepalive-seconds" aria-live="off">60</span> giây' in html
    assert "js/keepalive.js" in html


def test_a_signed_in_reader_who_is_not_staff_gets_no_banner(client):
    client.force_login(make_user())
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert 'id="keepalive"' not in html


def test_the_banner_reads_in_english_for_english_readers(client):
    client.force_login(make_user(role="Phóng viên"))
    client.cookies["django_language"] = "en"
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert "You have not used the site" in html


def test_a_burst_of_requests_rewrites_the_session_once(
    client, settings, django_assert_max_num_queries
):
    settings.SESSION_IDLE_TIMEOUT = 1800
    client.force_login(make_user(role="Phóng viên"))
    client.get(reverse("admin:index"))  # restarts the clock, saving the session
    with django_assert_max_num_queries(20) as first:
        client.get(reverse("admin:index"))
    assert not any(
        q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
        for q in first.captured_queries
    )
