"""Many photos chosen at once in the album admin page, as an editor does it in Chromium."""

import pytest

from news.gallery.models import Album
from tests.factories import image_bytes

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_an_editor_chooses_many_files_at_once_in_the_album_form(
    live_server, page, admin_user
):
    page.goto(live_server.url + "/admin/login/?next=/admin/gallery/album/add/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "Đại hội Hội Nông dân tỉnh")
    page.locator("#id_title").blur()
    assert page.input_value("#id_slug") == "dai-hoi-hoi-nong-dan-tinh"
    files = [
        {"name": f"đại hội {i}.jpg", "mimeType": "image/jpeg", "buffer": image_bytes()}
        for i in range(6)
    ]
    files.insert(3, {"name": "ghi chú.txt", "mimeType": "text/plain", "buffer": b"x"})
    page.set_input_files("#id_upload", files)
    page.click("input[name=_continue]")
    page.wait_for_selector("ul.messagelist")
    messages = page.locator("ul.messagelist").inner_text()
    assert "Đã thêm 6 ảnh vào album." in messages
    assert "Không thêm được tệp “ghi chú.txt”" in messages
    album = Album.objects.get()
    assert album.photos.count() == 6
    # The photo rows show a preview and an editable caption and order.
    assert page.locator("#photos-group td.field-preview img").count() == 6
    page.fill("#id_photos-0-caption", "Quang cảnh đại hội")
    page.click("input[name=_continue]")
    page.wait_for_selector("ul.messagelist")
    assert album.photos.first().caption == "Quang cảnh đại hội"
