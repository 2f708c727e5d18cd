import pytest

from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


def fill_settings(**fields):
    site = SiteSettings.load()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()
    return site


def test_contact_page_shows_the_site_settings(client):
    fill_settings(
        site_name="Cổng thông tin Ủy ban MTTQ tỉnh An Hòa",
        address="Số 18 đường Hòa Bình, phường Trung Hòa",
        phone="0200 3 812 345",
        email="banbientap@example.org",
        footer_text="Cơ quan chủ quản: Ủy ban MTTQ tỉnh.\nChịu trách nhiệm nội dung.",
    )
    response = client.get("/lien-he/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and "<h1>Liên hệ</h1>" in html
    assert "<title>Liên hệ – Cổng thông tin Ủy ban MTTQ tỉnh An Hòa</title>" in html
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "Số 18 đường Hòa Bình, phường Trung Hòa" in main
    assert '<a href="tel:02003812345" itemprop="telephone">0200 3 812 345</a>' in main
    assert 'href="mailto:banbientap@example.org"' in main
    assert "Cơ quan chủ quản: Ủy ban MTTQ tỉnh.<br>Chịu trách nhiệm nội dung." in main


def test_a_settings_change_shows_on_the_contact_page_at_once(client):
    client.get("/lien-he/")
    fill_settings(phone="+84 200 3 999 999")
    assert 'href="tel:+842003999999"' in client.get("/lien-he/").content.decode()


def test_contact_page_without_details_says_they_are_coming(client):
    html = client.get("/lien-he/").content.decode()
    assert "Thông tin liên hệ đang được cập nhật." in html
    assert "tel:" not in html


def test_every_page_footer_shows_the_settings_and_links_to_contact(client):
    fill_settings(phone="0200 3 812 345", email="lienhe@example.org", address="Số 1")
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert 'href="tel:02003812345"' in footer
    assert 'href="mailto:lienhe@example.org"' in footer
    assert "Số 1" in footer
    assert '<a href="/lien-he/">Liên hệ</a>' in footer


def test_contact_page_in_english(client):
    client.cookies["django_language"] = "en"
    fill_settings(address="Số 1", phone="0200")
    html = client.get("/lien-he/").content.decode()
    assert "<h1>Contact</h1>" in html
    assert "<dt>Address</dt>" in html and "<dt>Phone</dt>" in html


def test_the_demo_adds_departments_once(client):
    from io import StringIO

    from django.core.management import call_command

    from portal.contact.models import Department

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Đã nạp 3 bộ phận nhận thư liên hệ mẫu." in out.getvalue()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "bộ phận" not in out.getvalue()
    assert Department.objects.count() == 3
    html = client.get("/lien-he/").content.decode()
    assert ">Ban biên tập trang thông tin</option>" in html
