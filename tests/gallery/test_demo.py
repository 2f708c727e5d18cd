from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from news.gallery.models import Album, Photo
from news.images import rendition_name
from portal.models import Banner

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def gallery_files():
    found, folders = [], ["gallery"]
    while folders:
        folder = folders.pop()
        subfolders, files = default_storage.listdir(folder)
        folders.extend(f"{folder}/{name}" for name in subfolders)
        found.extend(f"{folder}/{name}" for name in files)
    return found


def test_demo_adds_albums_of_captioned_photos_with_renditions():
    output = load_demo()
    assert "Đã nạp 2 album ảnh và 3 biểu ngữ mẫu." in output
    albums = Album.objects.published()
    assert albums.count() == 2
    for album in albums:
        photos = list(album.photos.all())
        assert len(photos) >= 4
        assert album.cover == photos[0]
        for photo in photos:
            assert photo.caption
            assert default_storage.exists(rendition_name(photo.image.name, "thumb"))
            with default_storage.open(photo.image.name) as file, Image.open(file) as im:
                assert (im.format, im.size) == ("JPEG", (960, 640))


def test_demo_adds_three_side_banners_one_to_the_contact_page():
    load_demo()
    banners = Banner.objects.visible().filter(position=Banner.Position.SIDE)
    assert banners.count() == 3
    assert banners.filter(link="/lien-he/", new_tab=False).exists()
    assert banners.filter(new_tab=True).count() == 2
    for banner in banners:
        with default_storage.open(banner.image.name) as file, Image.open(file) as im:
            assert im.format == "PNG"


def test_second_run_and_reset_keep_one_copy_of_albums_and_banners(client):
    load_demo()
    photos = set(Photo.objects.values_list("image", flat=True))
    assert "album" not in load_demo()
    assert set(Photo.objects.values_list("image", flat=True)) == photos
    assert Banner.objects.count() == 3
    load_demo("--reset")
    assert Album.objects.count() == 2 and Banner.objects.count() == 3
    assert Photo.objects.count() == len(photos)
    # The old photo files went with the old albums: one file per photo.
    assert len(gallery_files()) == Photo.objects.count()
    html = client.get("/").content.decode()
    assert "Thư viện hình ảnh" in html and "Liên hệ với Ban biên tập" in html
