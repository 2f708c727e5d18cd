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
