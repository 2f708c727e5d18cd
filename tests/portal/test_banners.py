import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from portal.models import Banner
from tests.factories import image_upload, make_article, make_banner, make_user

pytestmark = pytest.mark.django_db


def nav(html, position):
    found = re.search(
        rf'<nav class="banners banners-{position}"[^>]*>.*?</nav>', html, re.S
    )
    return found.group() if found else ""


def test_visible_is_decided_by_the_show_window_at_query_time():
    now = timezone.now()
    always = make_banner()
    started = make_banner(show_from=now - timedelta(hours=1))
    later = make_banner(show_from=now + timedelta(hours=1))
    ended = make_banner(show_until=now - timedelta(minutes=1))
    window = make_banner(
        show_from=now - timedelta(days=1), show_until=now + timedelta(days=1)
    )
    assert set(Banner.objects.visible()) == {always, started, window}
    assert ended in Banner.objects.visible(at=now - timedelta(hours=1))
    in_two_hours = now + timedelta(hours=2)
    assert later in Banner.objects.visible(at=in_two_hours)
    assert set(Banner.objects.visible(at=now + timedelta(days=2))) == {
        always,
        started,
        later,
    }
    # The end is exclusive: at show_until the banner is gone.
    assert window not in Banner.objects.visible(at=window.show_until)


def test_show_until_must_come_after_show_from():
    now = timezone.now()
    with pytest.raises(IntegrityError):
        make_banner(show_from=now, show_until=now - timedelta(hours=1))


def test_side_banners_are_an_accessible_list_of_image_links(client):
    make_banner(
        alt_text="Nông sản An Hòa",
        link="https://nongsan.example",
        order=2,
        new_tab=True,
    )
    make_banner(alt_text="Hỏi đáp", link="/hoi-dap/", order=1)
    make_banner(alt_text="Đã hết hạn", show_until=timezone.now() - timedelta(days=1))
    make_banner(alt_text="Đầu trang", position=Banner.Position.HEADER)
    make_banner(alt_text="Chân trang", position=Banner.Position.FOOTER)
    html = client.get(make_article().get_absolute_url()).content.decode()
    side = nav(html, "side")
    assert 'aria-label="Liên kết (cột bên)"' in side
    links = re.findall(r'<a href="([^"]+)"([^>]*)><img src="[^"]+" alt="([^"]+)"', side)
    assert [(href, alt) for href, _attrs, alt in links] == [
        ("/hoi-dap/", "Hỏi đáp"),
        ("https://nongsan.example", "Nông sản An Hòa (mở trong thẻ mới)"),
    ]
    assert links[0][1] == ""
    assert 'target="_blank"' in links[1][1] and 'rel="noopener"' in links[1][1]
    assert "Đã hết hạn" not in html
    assert "Đầu trang" in nav(html, "header") and "Đầu trang" not in side
    assert "Chân trang" in nav(html, "footer")
    # The side column holds the banners; the header and footer theirs.
    aside = html.split('<aside class="sidebar"', 1)[1].split("</aside>", 1)[0]
    assert side in aside


def test_no_banner_no_empty_block(client):
    html = client.get("/").content.decode()
    assert 'class="banners' not in html


def test_banners_cost_one_query_per_page_for_every_position(
    client, django_assert_num_queries
):
    from django.test import RequestFactory

    from portal.templatetags.portal_tags import banners

    for position in Banner.Position.values:
        make_banner(position=position)
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        for position in Banner.Position.values:
            assert len(banners({"request": request}, position)["banners"]) == 1


def test_an_administrator_adds_a_banner_in_the_admin(client):
    client.force_login(make_user(role="Quản trị viên"))
    response = client.post(
        reverse("admin:portal_banner_add"),
        {
            "image": image_upload("hoi-dap.png", fmt="PNG"),
            "alt_text": "Hỏi đáp",
            "link": "/hoi-dap/",
            "position": "side",
            "order": "1",
            "show_from_0": "01/01/2025",
            "show_from_1": "00:00:00",
            "show_until_0": "",
            "show_until_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    banner = Banner.objects.get()
    assert timezone.localtime(banner.show_from).strftime("%d/%m/%Y %H:%M") == (
        "01/01/2025 00:00"
    )
    changelist = client.get(reverse("admin:portal_banner_changelist"))
    assert changelist.status_code == 200
    assert "Hỏi đáp" in changelist.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("link", "javascript:alert(1)", "Liên kết phải bắt đầu bằng https://"),
        ("link", "//evil.example/", "Liên kết phải bắt đầu bằng https://"),
        ("show_until_0", "01/01/2024", "phải sau thời điểm bắt đầu hiện"),
    ],
)
def test_bad_banner_input_is_refused_with_a_vietnamese_reason(
    client, field, value, message
):
    client.force_login(make_user(role="Quản trị viên"))
    data = {
        "image": image_upload("a.png", fmt="PNG"),
        "alt_text": "Biểu ngữ",
        "link": "https://example.org/",
        "position": "side",
        "order": "0",
        "show_from_0": "01/01/2025",
        "show_from_1": "00:00:00",
        "show_until_0": "",
        "show_until_1": "00:00:00",
    }
    data[field] = value
    response = client.post(reverse("admin:portal_banner_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Banner.objects.exists()


def test_a_non_image_banner_is_refused(client):
    client.force_login(make_user(role="Quản trị viên"))
    response = client.post(
        reverse("admin:portal_banner_add"),
        {
            "image": SimpleUploadedFile("x.png", b"not an image", "image/png"),
            "alt_text": "Biểu ngữ",
            "link": "https://example.org/",
            "position": "side",
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert not Banner.objects.exists()


def test_a_managing_editor_cannot_manage_banners(client):
    client.force_login(make_user(role="Thư ký tòa soạn"))
    assert client.get(reverse("admin:portal_banner_add")).status_code == 403


def test_a_cached_banner_still_appears_and_disappears_at_its_times(client):
    import time_machine

    start = timezone.now() + timedelta(hours=1)
    make_banner(
        alt_text="Hội chợ nông sản",
        show_from=start,
        show_until=start + timedelta(hours=1),
    )
    assert "Hội chợ nông sản" not in client.get("/").content.decode()  # now cached
    with time_machine.travel(start + timedelta(minutes=1)):
        assert "Hội chợ nông sản" in client.get("/").content.decode()
    with time_machine.travel(start + timedelta(hours=2)):
        assert "Hội chợ nông sản" not in client.get("/").content.decode()
