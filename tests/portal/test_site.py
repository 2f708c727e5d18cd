import io

import pytest
from django.core.management import call_command

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_no_model_change_lacks_a_migration():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_pages_are_vietnamese_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.content.decode()


def test_every_public_page_has_one_h1_a_title_and_a_description(client):
    article = make_article(tags=["một"])
    for url in [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/the/mot/",
        "/tim-kiem/",
        "/tim-kiem/?q=bai+viet",
        "/tim-kiem/?q=x",
        f"/tin-tuc/bai-viet/{article.pk}/ban-in/",
        "/khong-co",
    ]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<title>" in html and '<meta name="description"' in html, url


def test_a_server_error_shows_the_friendly_500_page(client, settings):
    from portal.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Xin lỗi, đã có lỗi xảy ra" in response.content.decode()


def test_client_ip_ignores_forwarded_for_unless_proxies_are_trusted(rf, settings):
    from portal.clientip import client_ip

    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8"
    )
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.9"
    settings.TRUSTED_PROXIES = 1
    assert client_ip(request) == "5.6.7.8"
    settings.TRUSTED_PROXIES = 2
    assert client_ip(request) == "1.2.3.4"
    settings.TRUSTED_PROXIES = 3
    assert client_ip(request) == "10.0.0.9"
    garbage = rf.get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="không phải ip" * 500
    )
    settings.TRUSTED_PROXIES = 1
    assert client_ip(garbage) == "10.0.0.9"


def test_vietnamese_dates_are_read_day_first():
    from django import forms
    from django.utils import translation

    class DateForm(forms.Form):
        day = forms.DateField()

    with translation.override("vi"):
        form = DateForm({"day": "12/01/2024"})
        assert form.is_valid()
        assert form.cleaned_data["day"].isoformat() == "2024-01-12"


def test_vietnamese_numbers_group_thousands_with_a_dot():
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        template = Template("{% load humanize %}{{ n|intcomma }}")
        assert template.render(Context({"n": 37689})) == "37.689"
    with translation.override("en"):
        assert template.render(Context({"n": 37689})) == "37,689"


def test_a_reader_can_switch_to_english_and_back(client):
    make_article()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.get("/")["Content-Language"] == "en"
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert client.get("/")["Content-Language"] == "vi"


def test_an_unknown_language_in_the_cookie_falls_back_to_vietnamese(client):
    client.cookies["django_language"] = "xx-evil"
    assert client.get("/")["Content-Language"] == "vi"
