"""The keep-alive banner for signed-in staff, in Chromium, with a short timeout."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.browser.waiting import wait_for_js

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BANNER = re.compile(
    r"Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập\. "
    r"Thời gian chờ: (\d+) giây"
)


@pytest.fixture
def short_sessions(settings):
    """Sessions end after ``idle`` seconds; the banner counts down the last 5."""

    def set_timeout(idle):
        settings.SESSION_IDLE_TIMEOUT = idle
        settings.SESSION_WARNING_SECONDS = 5
        settings.SESSION_COOKIE_AGE = idle

    return set_timeout


def sign_in(page, live_server, next_path="/admin/"):
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}{next_path}")


def session_expiry(page):
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    return Session.objects.get(session_key=key).expire_date


def test_banner_counts_down_and_a_click_really_extends_the_session(
    live_server, page, admin_user, short_sessions, artifacts_dir
):
    short_sessions(14)
    sign_in(page, live_server)
    banner = page.locator("#keepalive")
    assert banner.is_hidden()
    banner.wait_for(state="visible", timeout=12_000)
    first = int(BANNER.search(banner.inner_text()).group(1))
    assert 1 <= first <= 5
    wait_for_js(
        page,
        f"Number(document.querySelector('.keepalive-seconds').textContent) < {first}",
    )
    page.screenshot(path=f"{artifacts_dir}/keepalive-banner.png")
    expiry_before = session_expiry(page)

    with page.expect_response("**/phien/duy-tri/") as answer:
        banner.locator("button").click()
    assert answer.value.status == 200
    banner.wait_for(state="hidden")
    expiry_after = session_expiry(page)
    assert (expiry_after - expiry_before).total_seconds() >= 1

    # Past the moment the session would have ended without the click, the
    # server still knows the user.
    wait = (expiry_before - timezone.now()).total_seconds() + 1
    page.wait_for_timeout(max(wait, 0) * 1000)
    assert timezone.now() > expiry_before
    response = page.request.get(f"{live_server.url}/admin/", max_redirects=0)
    assert response.status == 200
    assert "user-tools" in response.text()


def test_at_zero_the_user_is_signed_out_and_the_form_is_offered_back(
    live_server, page, admin_user, short_sessions
):
    from tests.factories import make_category

    short_sessions(16)  # room for CKEditor to load on a busy machine
    make_category(name="Thời sự")
    add = "/admin/news/article/add/"
    sign_in(page, live_server, add)
    page.fill("#id_title", "Mưa lớn gây ngập ở trung tâm thành phố")
    page.fill("#id_summary", "Tóm tắt chưa kịp lưu.")
    wait_for_js(
        page,
        "window.CKEDITOR && CKEDITOR.instances.id_body"
        " && CKEDITOR.instances.id_body.status === 'ready'",
    )
    page.evaluate("CKEDITOR.instances.id_body.setData('<p>Nội dung chưa lưu.</p>')")

    # Nobody clicks: the countdown ends, the session is closed by a POST to the
    # logout view and the login page asks to sign in again.
    page.wait_for_url(re.compile(r"/admin/login/\?next="), timeout=25_000)
    assert Session.objects.filter(expire_date__gt=timezone.now()).count() == 0

    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}{add}")
    offer = page.locator(".unsaved-offer")
    offer.wait_for(state="visible")
    assert "Có nội dung bạn chưa lưu trước khi bị đăng xuất" in offer.inner_text()
    assert page.input_value("#id_title") == ""
    wait_for_js(
        page,
        "CKEDITOR.instances.id_body && CKEDITOR.instances.id_body.status === 'ready'",
    )
    offer.get_by_role("button", name="Khôi phục").click()
    assert page.input_value("#id_title") == "Mưa lớn gây ngập ở trung tâm thành phố"
    assert page.input_value("#id_summary") == "Tóm tắt chưa kịp lưu."
    body = page.evaluate("CKEDITOR.instances.id_body.getData()")
    assert "Nội dung chưa lưu." in body
    assert offer.count() == 0
    # Offered once: the stored copy is gone after restoring.
    assert (
        page.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('portal:unsaved:')).length"
        )
        == 0
    )


def test_a_page_opened_in_another_tab_keeps_the_first_tab_signed_in(
    live_server, page, admin_user, short_sessions
):
    short_sessions(14)
    sign_in(page, live_server)
    page.wait_for_timeout(5_000)
    other = page.context.new_page()
    other.goto(f"{live_server.url}/admin/news/")
    # Without the shared clock the first tab would sign out 12.5 s after it
    # loaded; the second tab's request moved the end about 5 s later.
    page.wait_for_timeout(9_000)
    assert page.url == f"{live_server.url}/admin/"
    assert other.url == f"{live_server.url}/admin/news/"
    response = page.request.get(f"{live_server.url}/admin/", max_redirects=0)
    assert response.status == 200


def test_typing_counts_as_use_and_keeps_the_session_without_a_banner(
    live_server, page, admin_user, short_sessions
):
    from tests.factories import make_category

    make_category(name="Thời sự")
    short_sessions(14)
    add = "/admin/news/article/add/"
    sign_in(page, live_server, add)
    expiry_at_load = session_expiry(page)
    page.wait_for_timeout(4_000)
    with page.expect_response("**/phien/duy-tri/") as answer:
        page.type("#id_title", "Đang viết")  # no request, but use of the site
    assert answer.value.status == 200
    assert (session_expiry(page) - expiry_at_load).total_seconds() >= 2
    # Idle without typing, the banner would show 7.5 s after the page opened.
    page.wait_for_timeout(5_000)
    assert page.locator("#keepalive").is_hidden()
    assert page.url == f"{live_server.url}{add}"
