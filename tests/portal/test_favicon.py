"""The site icon: a default in static files, an upload in the site settings, and
``/favicon.ico`` answering whichever is in use."""

import io

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.images import validate_icon_file
from portal.models import SiteSettings
from tests.factories import admin_form_data, image_upload, make_user

pytestmark = pytest.mark.django_db


def ico_upload(name="bieu-tuong.ico", sizes=((16, 16), (32, 32))):
    buffer = io.BytesIO()
    Image.new("RGBA", (64, 64), (0, 90, 160, 255)).save(buffer, "ICO", sizes=sizes)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/x-icon")


def test_favicon_ico_answers_the_default_icon_with_a_cache_header(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    # The default icon is a real icon file.
    with Image.open(finders.find("img/favicon.ico")) as image:
        assert image.format == "ICO" and image.size == (48, 48)


def test_every_page_names_the_icon(client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.ico">' in html
    html = client.get("/khong-co-trang-nay/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.ico">' in html


def test_an_icon_uploaded_in_the_site_settings_is_served_and_named(client):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:portal_sitesettings_change", args=[SiteSettings.load().pk])
    form = client.get(url).context["adminform"].form
    data = admin_form_data(form)
    data["favicon"] = image_upload("logo-hoi.png", fmt="PNG", size=(64, 64))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    site = SiteSettings.load()
    assert site.favicon.name.startswith("site/logo-hoi")
    client.logout()

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == site.favicon.url
    assert default_storage.exists(site.favicon.name)
    html = client.get("/").content.decode()
    assert f'<link rel="icon" href="{site.favicon.url}">' in html


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("bieu-tuong.ico", b"MZ\x90\x00 not an icon"),
            "hình ảnh hợp lệ",
        ),
        (image_upload("dai.png", fmt="PNG", size=(96, 32)), "phải là ảnh vuông"),
        (image_upload("lon.png", fmt="PNG", size=(1024, 1024)), "phải là ảnh vuông"),
        (image_upload("nho.png", fmt="PNG", size=(8, 8)), "phải là ảnh vuông"),
    ],
)
def test_a_bad_icon_is_refused_with_a_reason_and_the_old_one_kept(
    client, upload, message
):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse("admin:portal_sitesettings_change", args=[SiteSettings.load().pk])
    form = client.get(url).context["adminform"].form
    data = admin_form_data(form)
    data["site_name"] = "Tên mới không được lưu"
    data["favicon"] = upload
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["favicon"])
    site = SiteSettings.objects.get()
    assert not site.favicon and site.site_name != "Tên mới không được lưu"


def test_icon_files_and_common_image_formats_pass():
    assert validate_icon_file(ico_upload()) == "ICO"
    assert validate_icon_file(image_upload("a.png", fmt="PNG", size=(32, 32))) == "PNG"
    assert validate_icon_file(image_upload("a.gif", fmt="GIF", size=(16, 16))) == "GIF"
    bmp = io.BytesIO()
    Image.new("RGB", (32, 32)).save(bmp, "BMP")
    with pytest.raises(ValidationError) as error:
        validate_icon_file(SimpleUploadedFile("a.bmp", bmp.getvalue()))
    assert error.value.code == "image_format"
    assert "PNG, ICO" in error.value.messages[0]


def test_favicon_refuses_post(client):
    assert client.post("/favicon.ico").status_code == 405
