"""The article editor in Chromium: wide fields, Vietnamese CKEditor, images at the
content width (from the dialog and when pasted), documents from the link dialog."""

import base64

import pytest
from django.core.files.storage import default_storage

from tests.browser.waiting import wait_for_js
from tests.factories import image_bytes, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def open_editor(page, live_server, path="/admin/news/article/add/"):
    page.goto(live_server.url + f"/admin/login/?next={path}")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_selector("#id_title")
    wait_for_js(
        page,
        "window.CKEDITOR && Object.values(CKEDITOR.instances).length"
        " && Object.values(CKEDITOR.instances)[0].status === 'ready'",
    )


def editor_data(page):
    return page.evaluate("Object.values(CKEDITOR.instances)[0].getData()")


def test_title_and_tags_are_wide_and_formats_are_vietnamese(
    live_server, page, admin_user, artifacts_dir
):
    make_category(name="Thời sự")
    open_editor(page, live_server)
    assert page.locator("#id_title").bounding_box()["width"] > 600
    assert page.locator("#id_tags").bounding_box()["width"] > 600
    page.click(".cke_combo__format .cke_combo_button")
    frame = page.frame_locator(".cke_combopanel iframe")
    labels = frame.locator(".cke_panel_listItem a").all_inner_texts()
    labels = [" ".join(label.split()) for label in labels]
    assert labels == [
        "Đoạn văn",
        "Tiêu đề lớn",
        "Tiêu đề vừa",
        "Tiêu đề nhỏ",
        "Đoạn giữ nguyên định dạng",
    ]
    page.screenshot(path=f"{artifacts_dir}/editor-formats.png")
    page.keyboard.press("Escape")
    # No English notice about the bundled version.
    assert page.locator(".cke_notification").count() == 0


def test_an_image_from_the_dialog_is_inserted_at_the_content_width(
    live_server, page, admin_user
):
    name = default_storage.save(
        "uploads/anh-rong.jpg", __import__("io").BytesIO(image_bytes(size=(1200, 800)))
    )
    open_editor(page, live_server)
    page.evaluate("Object.values(CKEDITOR.instances)[0].execCommand('image')")
    page.wait_for_selector(".cke_dialog_contents input.cke_dialog_ui_input_text")
    url_field = page.locator(
        ".cke_dialog_contents input.cke_dialog_ui_input_text"
    ).first
    url_field.fill(f"/media/{name}")
    url_field.dispatch_event("change")
    # The dialog reads the image's natural size into the width field.
    wait_for_js(
        page,
        """() => CKEDITOR.dialog.getCurrent().getValueOf('info', 'width') === '1200'""",
    )
    page.click(".cke_dialog_ui_button_ok")
    wait_for_js(page, "Object.values(CKEDITOR.instances)[0].getData().includes('<img')")
    html = editor_data(page)
    assert 'width="760"' in html and 'height="507"' in html


def test_a_pasted_image_is_uploaded_and_inserted_at_the_content_width(
    live_server, page, admin_user
):
    buffer = image_bytes("PNG", size=(1200, 600))
    data_uri = "data:image/png;base64," + base64.b64encode(buffer).decode()
    open_editor(page, live_server)
    page.evaluate(
        """(uri) => {
            const editor = Object.values(CKEDITOR.instances)[0];
            editor.focus();
            editor.execCommand('paste', '<p><img src="' + uri + '"></p>');
        }""",
        data_uri,
    )
    wait_for_js(
        page,
        "Object.values(CKEDITOR.instances)[0].getData().includes('/media/uploads/')",
        timeout=15_000,
    )
    html = editor_data(page)
    assert "data:image" not in html
    assert 'width="760"' in html and 'height="380"' in html


def test_the_link_dialog_uploads_a_pdf_and_links_to_it(
    live_server, page, admin_user, artifacts_dir, tmp_path
):
    from tests.factories import PDF_BYTES

    pdf = tmp_path / "Kế hoạch 2025.pdf"
    pdf.write_bytes(PDF_BYTES)
    open_editor(page, live_server)
    page.evaluate("Object.values(CKEDITOR.instances)[0].execCommand('link')")
    page.wait_for_selector(".cke_dialog_tab >> text=Tải lên")
    page.click(".cke_dialog_tab >> text=Tải lên")
    frame = page.frame_locator(".cke_dialog_ui_input_file iframe")
    frame.locator("input[type=file]").set_input_files(str(pdf))
    page.click(".cke_dialog_ui_fileButton")
    wait_for_js(
        page,
        """() => (CKEDITOR.dialog.getCurrent().getValueOf('info', 'url') || '')
                 .endsWith('.pdf')""",
    )
    url = page.evaluate("CKEDITOR.dialog.getCurrent().getValueOf('info', 'url')")
    assert "/media/uploads/ke-hoach-2025" in url
    page.screenshot(path=f"{artifacts_dir}/editor-link-upload.png")
