import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import image_upload, make_user

pytestmark = pytest.mark.django_db
URL = "/ckeditor/upload/"


def test_staff_writer_uploads_an_image_and_gets_its_url(client):
    client.force_login(make_user(role="Phóng viên"))
    response = client.post(URL, {"upload": image_upload("Ảnh hội nghị.php", "PNG")})
    assert response.status_code == 200
    data = response.json()
    assert data["uploaded"] == 1
    # The stored name follows the decoded format, never the uploaded extension.
    assert data["url"].endswith(".png")
    assert "anh-hoi-nghi" in data["url"]


def test_a_non_image_is_refused_with_a_message(client):
    client.force_login(make_user(role="Phóng viên"))
    fake = SimpleUploadedFile(
        "x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"
    )
    response = client.post(URL, {"upload": fake})
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_missing_file_is_400(client):
    client.force_login(make_user(role="Phóng viên"))
    assert client.post(URL, {}).status_code == 400


def test_readers_and_anonymous_users_cannot_upload(client):
    assert client.post(URL, {"upload": image_upload()}).status_code == 403
    client.force_login(make_user())
    assert client.post(URL, {"upload": image_upload()}).status_code == 403


def test_upload_requires_a_csrf_token_and_post():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(role="Phóng viên"))
    assert client.post(URL, {"upload": image_upload()}).status_code == 403
    assert client.get(URL).status_code == 405


def test_the_browse_view_is_staff_only(client):
    response = client.get(reverse("ckeditor_browse"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_large_image_is_answered_with_the_content_width(client):
    client.force_login(make_user(role="Phóng viên"))
    response = client.post(
        URL + "?type=image", {"upload": image_upload("lon.jpg", size=(1200, 800))}
    )
    data = response.json()
    assert (data["width"], data["height"]) == (760, 507)
    small = client.post(URL, {"upload": image_upload("nho.jpg", size=(300, 200))})
    assert (small.json()["width"], small.json()["height"]) == (300, 200)


def test_the_image_dialog_and_pasting_refuse_a_pdf(client):
    from tests.factories import document_upload

    client.force_login(make_user(role="Phóng viên"))
    for url in [URL, URL + "?type=image"]:
        response = client.post(url, {"upload": document_upload("quyet-dinh.pdf")})
        assert response.status_code == 400
        assert (
            response.json()["error"]["message"] == "Tệp này không phải là ảnh hợp lệ."
        )


def test_the_link_dialog_uploads_a_document_checked_by_content(client):
    from tests.factories import document_upload

    client.force_login(make_user(role="Phóng viên"))
    response = client.post(
        URL + "?type=file&CKEditor=id_body&CKEditorFuncNum=1&langCode=vi",
        {"upload": document_upload("Quyết định 12.docx", kind="pdf")},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["uploaded"] == 1
    assert data["url"].startswith("/media/uploads/quyet-dinh-12")
    assert data["url"].endswith(".pdf")
    # Images are links too.
    image = client.post(URL + "?type=file", {"upload": image_upload("anh.png", "PNG")})
    assert image.json()["url"].endswith(".png")


def test_the_link_dialog_refuses_a_disguised_program_with_a_message(client):
    from tests.factories import EXE_BYTES, document_upload, zip_bytes

    client.force_login(make_user(role="Phóng viên"))
    response = client.post(
        URL + "?type=file", {"upload": document_upload("bao-cao.pdf", EXE_BYTES)}
    )
    assert response.status_code == 400
    assert "không phải là tài liệu" in response.json()["error"]["message"]
    archive = zip_bytes({"cai-dat.exe": EXE_BYTES})
    response = client.post(
        URL + "?type=file", {"upload": document_upload("ho-so.zip", archive)}
    )
    assert response.status_code == 400
    assert "chương trình" in response.json()["error"]["message"]


def test_the_editor_asks_each_dialog_for_its_own_upload_address(client):
    client.force_login(make_user(role="Phóng viên"))
    html = client.get(reverse("admin:news_article_add")).content.decode()
    for key, url in [
        ("filebrowserImage2UploadUrl", "/ckeditor/upload/?type=image"),
        ("filebrowserLinkUploadUrl", "/ckeditor/upload/?type=file"),
        ("imageUploadUrl", "/ckeditor/upload/?type=image"),
    ]:
        assert f"&quot;{key}&quot;: &quot;{url}&quot;" in html
    assert "uploadimage" in html and "js/ckeditor-setup.js" in html
