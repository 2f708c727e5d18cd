import pytest
from django.core.exceptions import ValidationError

from news.gallery.models import Album, Photo
from news.gallery.sitemaps import AlbumSitemap
from tests.factories import make_album

pytestmark = pytest.mark.django_db


def test_album_slug_is_folded_from_a_vietnamese_title():
    album = make_album(title="Đại hội đại biểu Mặt trận tỉnh lần thứ XI")
    assert album.slug == "dai-hoi-dai-bieu-mat-tran-tinh-lan-thu-xi"
    assert album.get_absolute_url() == (
        f"/thu-vien-anh/dai-hoi-dai-bieu-mat-tran-tinh-lan-thu-xi-{album.pk}/"
    )


def test_cover_falls_back_to_the_first_photo_by_order():
    album = make_album(photos=3)
    first = album.photos.get(order=0)
    assert album.cover_image.name == first.image.name
    listed = Album.objects.for_listing().get(pk=album.pk)
    assert listed.cover_image.name == first.image.name
    assert listed.photo_count == 3
    last = album.photos.get(order=2)
    album.cover = last
    album.save()
    assert Album.objects.for_listing().get(pk=album.pk).cover_image.name == (
        last.image.name
    )


def test_a_photo_of_another_album_cannot_be_the_cover():
    album, other = make_album(photos=1), make_album(photos=1)
    album.cover = other.photos.get()
    with pytest.raises(ValidationError) as error:
        album.full_clean()
    assert "cover" in error.value.message_dict


def test_deleting_the_cover_photo_keeps_the_album():
    album = make_album(photos=2)
    album.cover = album.photos.last()
    album.save()
    album.cover.delete()
    album.refresh_from_db()
    assert album.cover is None
    assert album.photos.count() == 1


def test_only_published_albums_and_their_photos_are_visible():
    shown = make_album(photos=1)
    hidden = make_album(photos=1, published=False)
    assert list(Album.objects.published()) == [shown]
    assert set(Photo.objects.visible()) == set(shown.photos.all())
    assert not Photo.objects.visible().filter(album=hidden).exists()


def test_album_sitemap_lists_only_published_albums():
    shown = make_album()
    make_album(published=False)
    sitemap = AlbumSitemap()
    assert list(sitemap.items()) == [shown]
    assert sitemap.location(shown) == shown.get_absolute_url()
    assert sitemap.lastmod(shown) == shown.updated


def test_renditions_of_a_large_jpeg_keep_their_sizes_when_decoded_at_scale():
    from django.core.files.storage import default_storage
    from PIL import Image

    from news.images import make_rendition
    from tests.factories import image_upload

    album = make_album()
    photo = Photo.objects.create(
        album=album, image=image_upload("lon.jpg", size=(4000, 3000))
    )
    expected = {"thumb": (240, 160), "square": (200, 200), "photo": (1600, 1200)}
    for spec, size in expected.items():
        name = make_rendition(photo.image.name, spec)
        with default_storage.open(name) as file, Image.open(file) as image:
            assert image.size == size, spec
