import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.gallery.models import Album, Photo
from news.images import rendition_name
from tests.factories import image_bytes, image_upload, make_album, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


def album_form(album=None, **overrides):
    photos = list(album.photos.all()) if album else []
    data = {
        "title": "Hội thi nấu ăn ngày Đại đoàn kết",
        "slug": "",
        "description": "Ảnh hội thi.",
        "date": "12/01/2024",
        "cover": "",
        "published": "on",
        "order": "0",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": str(len(photos)),
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for i, photo in enumerate(photos):
        data.update(
            {
                f"photos-{i}-id": str(photo.pk),
                f"photos-{i}-album": str(album.pk),
                f"photos-{i}-caption": photo.caption,
                f"photos-{i}-order": str(photo.order),
            }
        )
    data.update(overrides)
    return data


def test_thirty_photos_upload_at_once_and_each_gets_renditions(client, editor):
    files = [
        image_upload(f"Ảnh hội thi {i:02d}.jpg", color=(i * 8, 90, 160))
        for i in range(30)
    ]
    response = client.post(
        reverse("admin:gallery_album_add"), {**album_form(), "upload": files}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    album = Album.objects.get()
    photos = list(album.photos.all())
    assert len(photos) == 30
    assert [p.order for p in photos] == list(range(30))
    assert photos[0].image.name.endswith("anh-hoi-thi-00.jpg")
    for photo in photos:
        assert default_storage.exists(photo.image.name)
        for spec in ("thumb", "photo"):
            assert default_storage.exists(rendition_name(photo.image.name, spec))
    assert album.cover == photos[0]
    page = client.get(response["Location"]).content.decode()
    assert "Đã thêm 30 ảnh vào album." in page


def test_a_non_image_is_reported_by_name_and_the_others_are_kept(client, editor):
    album = make_album(photos=2)
    files = [image_upload(f"anh-{i}.png", fmt="PNG") for i in range(29)]
    files.insert(
        10,
        SimpleUploadedFile(
            "bao-cao-tong-ket.pdf", b"%PDF-1.4 not an image", "application/pdf"
        ),
    )
    files.append(SimpleUploadedFile("trong.jpg", b"", "image/jpeg"))
    response = client.post(
        reverse("admin:gallery_album_change", args=[album.pk]),
        {**album_form(album), "upload": files},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Đã thêm 29 ảnh vào album." in page
    assert "Không thêm được tệp “bao-cao-tong-ket.pdf”" in page
    assert "Không thêm được tệp “trong.jpg”" in page
    assert "Tệp này không phải là ảnh hợp lệ." in page
    assert album.photos.count() == 31
    # New photos come after the two that were there, in the order they were sent.
    assert list(album.photos.values_list("order", flat=True)) == list(range(31))
    assert not Photo.objects.filter(image__contains="bao-cao").exists()


def test_a_truncated_jpeg_is_reported_and_leaves_no_file(client, editor):
    album = make_album()
    whole = image_bytes(size=(800, 600), color=(10, 120, 60))
    broken = SimpleUploadedFile("hong.jpg", whole[: len(whole) // 2], "image/jpeg")
    response = client.post(
        reverse("admin:gallery_album_change", args=[album.pk]),
        {**album_form(album), "upload": [broken, image_upload("tot.jpg")]},
        follow=True,
    )
    page = response.content.decode()
    assert "Đã thêm 1 ảnh vào album." in page
    assert "Không thêm được tệp “hong.jpg”: Không đọc được nội dung ảnh" in page
    assert [p.image.name.rsplit("/", 1)[-1] for p in album.photos.all()] == ["tot.jpg"]
    _folders, files = default_storage.listdir(
        album.photos.get().image.name.rsplit("/", 1)[0]
    )
    assert files == ["tot.jpg"]


def test_captions_and_order_are_edited_in_the_inline(client, editor):
    album = make_album(photos=3)
    first, second, third = album.photos.all()
    data = album_form(album, title=album.title)
    data.update({"photos-0-order": "5", "photos-2-caption": "Trao giải nhất"})
    response = client.post(reverse("admin:gallery_album_change", args=[album.pk]), data)
    assert response.status_code == 302
    assert list(album.photos.all()) == [second, third, first]
    third.refresh_from_db()
    assert third.caption == "Trao giải nhất"


def test_the_album_change_page_has_a_multiple_file_input(client, editor):
    album = make_album(photos=1)
    page = client.get(
        reverse("admin:gallery_album_change", args=[album.pk])
    ).content.decode()
    upload = re.search(r'<input type="file" name="upload"[^>]*>', page).group()
    assert " multiple" in upload
    assert 'enctype="multipart/form-data"' in page


def test_a_reporter_cannot_open_the_photo_library_admin(client):
    client.force_login(make_user(role="Phóng viên"))
    assert client.get(reverse("admin:gallery_album_add")).status_code == 403
    response = client.post(
        reverse("admin:gallery_album_add"),
        {**album_form(), "upload": [image_upload()]},
    )
    assert response.status_code == 403
    assert not Album.objects.exists()


def test_deleting_a_photo_removes_its_file_and_renditions(
    django_capture_on_commit_callbacks,
):
    from django.core.files.storage import default_storage

    from news.gallery.services import add_photos
    from news.images import rendition_name
    from tests.factories import image_upload, make_album

    album = make_album()
    (photo,) = add_photos(album=album, files=[image_upload("le-hoi.jpg")]).added
    names = [photo.image.name] + [
        rendition_name(photo.image.name, spec)
        for spec in ("thumb", "photo", "card", "square")
    ]
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_photos_are_added_only_through_the_checked_upload(admin_client):
    from tests.factories import make_album

    album = make_album(photos=1)
    page = admin_client.get(f"/admin/gallery/album/{album.pk}/change/").content.decode()
    assert 'name="upload"' in page
    assert 'name="photos-0-image"' not in page
    assert 'name="photos-0-caption"' in page
