"""The article form as an editor uses it in Chromium."""

import pytest

from tests.browser.waiting import wait_for_js
from tests.factories import make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_slug_is_prepopulated_from_a_vietnamese_title(live_server, page, admin_user):
    make_category(name="Thi đua")
    page.goto(live_server.url + "/admin/login/?next=/admin/news/article/add/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "Cụm thi đua các tổ chức chính trị - xã hội")
    page.locator("#id_title").blur()
    assert page.input_value("#id_slug") == "cum-thi-dua-cac-to-chuc-chinh-tri-xa-hoi"
    # CKEditor loads and the upload request will carry Django's CSRF token.
    wait_for_js(page, "window.CKEDITOR && Object.keys(CKEDITOR.instances).length > 0")
    headers = page.evaluate(
        "Object.values(CKEDITOR.instances)[0].config.fileTools_requestHeaders"
    )
    assert headers["X-CSRFToken"]
    # An upload with those headers passes CSRF and returns the stored image's URL.
    result = page.evaluate(
        """async (headers) => {
            const canvas = document.createElement("canvas");
            canvas.width = 20; canvas.height = 10;
            const blob = await new Promise((ok) => canvas.toBlob(ok, "image/png"));
            const form = new FormData();
            form.append("upload", blob, "ảnh dán.png");
            const response = await fetch("/ckeditor/upload/", {
                method: "POST", body: form, headers,
            });
            return { status: response.status, body: await response.json() };
        }""",
        headers,
    )
    assert result["status"] == 200
    assert result["body"]["uploaded"] == 1
    assert result["body"]["url"].endswith(".png")
