import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage

from news.gallery.models import Photo
from tests.factories import make_album, make_article

pytestmark = pytest.mark.django_db


def test_album_list_shows_published_albums_with_covers_and_counts(client):
    shown = make_album(title="Ngày hội Đại đoàn kết", photos=3)
    make_album(title="Album ẩn", photos=1, published=False)
    html = client.get("/thu-vien-anh/").content.decode()
    assert html.count("<h1") == 1
    assert "Thư viện hình ảnh</h1>" in html
    assert shown.get_absolute_url() in html
    assert "Ngày hội Đại đoàn kết" in html
    assert "3 ảnh" in html
    assert "Album ẩn" not in html
    assert "/media/renditions/card/" in html


def test_album_list_is_paginated_twelve_a_page(client):
    for i in range(14):
        make_album(title=f"Album {i:02d}")
    first = client.get("/thu-vien-anh/")
    assert len(first.context["albums"]) == 12
    second = client.get("/thu-vien-anh/?page=2")
    assert len(second.context["albums"]) == 2
    assert client.get("/thu-vien-anh/?page=9").status_code == 404


def test_album_list_keeps_a_bounded_query_count(
    cold_get, django_assert_max_num_queries
):
    for _ in range(3):
        make_album(photos=2)
    cold_get("/thu-vien-anh/")  # warm the site-settings and side-block caches
    with django_assert_max_num_queries(8) as few:
        cold_get("/thu-vien-anh/")
        count = len(few)
    for _ in range(8):
        make_album(photos=2)
    cold_get("/thu-vien-anh/")
    with django_assert_max_num_queries(count):
        cold_get("/thu-vien-anh/")


def test_album_page_links_every_thumbnail_to_its_large_picture(client):
    album = make_album(title="Trao quà Tết cho hộ nghèo", photos=4)
    response = client.get(album.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    links = re.findall(
        r'<a class="photo-link" href="([^"]+)"[^>]*><img src="([^"]+)" alt="([^"]+)"',
        html,
    )
    assert len(links) == 4
    for large, thumb, _alt in links:
        assert large.startswith("/media/renditions/photo/")
        assert thumb.startswith("/media/renditions/thumb/")
        assert default_storage.exists(large.removeprefix("/media/"))
    assert links[0][2] == album.photos.first().caption
    assert "js/lightbox.js" in html
    assert "data-lightbox" in html


def test_album_page_with_a_stale_slug_redirects_to_the_canonical_address(client):
    album = make_album(title="Tên mới")
    response = client.get(f"/thu-vien-anh/ten-cu-{album.pk}/")
    assert response.status_code == 301
    assert response["Location"] == album.get_absolute_url()


def test_unpublished_and_unknown_albums_are_404(client):
    hidden = make_album(published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/thu-vien-anh/khong-co-123456/").status_code == 404
    assert client.get("/thu-vien-anh/qua-dai-" + "9" * 30 + "/").status_code == 404


def test_side_block_shows_recent_photos_and_links_to_the_library(client):
    album = make_album(title="Hội thao", photos=8)
    make_album(title="Ẩn", photos=2, published=False)
    html = client.get(make_article().get_absolute_url()).content.decode()
    block = html.split('class="block block-gallery"', 1)[1].split("</section>", 1)[0]
    assert "Thư viện hình ảnh" in block
    assert 'href="/thu-vien-anh/"' in block
    assert block.count("<img ") == 6
    assert block.count(f'href="{album.get_absolute_url()}"') == 6
    assert "/media/renditions/square/" in block
    newest = album.photos.order_by("-created", "-id").first()
    assert f'alt="{newest.caption}"' in block


def test_side_block_costs_no_query_once_cached_and_follows_changes(
    client, django_assert_num_queries
):
    album = make_album(photos=1)
    from news.gallery.templatetags.gallery_tags import recent_photos

    assert len(recent_photos()) == 1
    with django_assert_num_queries(0):
        assert len(recent_photos()) == 1
    Photo.objects.create(album=album, image=album.photos.get().image, caption="Mới")
    assert recent_photos()[0]["alt"] == "Mới"
    album.published = False
    album.save()
    assert recent_photos() == []
    cache.clear()
    assert recent_photos() == []


def test_library_pages_and_block_in_english(client):
    album = make_album(title="Hội thao", photos=2)
    client.cookies["django_language"] = "en"
    listing = client.get("/thu-vien-anh/").content.decode()
    assert "<h1>Photo library</h1>" in listing and "2 photos" in listing
    page = client.get(album.get_absolute_url()).content.decode()
    assert 'data-close="Close"' in page and 'data-next="Next photo"' in page
    assert '<a href="/thu-vien-anh/">Photo library</a></h2>' in page
