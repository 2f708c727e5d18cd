from django import template
from django.core.cache import cache

from news.gallery.models import Photo
from news.images import rendition_url

register = template.Library()

RECENT_KEY = "gallery:recent-photos"
RECENT_COUNT = 6
# Saving an album or photo drops the cached block at once; the timeout bounds how
# late other processes are when each has its own (local-memory) cache.
RECENT_TIMEOUT = 5 * 60


def forget_recent_photos(**kwargs):
    """Signal receiver: an album or photo changed, so the side block is rebuilt."""
    cache.delete(RECENT_KEY)


def recent_photos():
    """What the side block shows, cached until an album or photo changes."""
    photos = cache.get(RECENT_KEY)
    if photos is None:
        photos = [
            {
                "src": rendition_url(photo.image, "square"),
                "alt": photo.alt_text,
                "album_url": photo.album.get_absolute_url(),
            }
            for photo in Photo.objects.recent()[:RECENT_COUNT]
        ]
        cache.set(RECENT_KEY, photos, RECENT_TIMEOUT)
    return photos


@register.inclusion_tag("gallery/block_gallery.html")
def gallery_block():
    """The 'Thư viện hình ảnh' side block: recent photos and a link to the library."""
    return {"photos": recent_photos()}


@register.simple_tag
def album_cover(album, spec="card"):
    """URL of a rendition of the album's cover (its first photo when none is set)."""
    image = album.cover_image
    return rendition_url(image, spec) if image else ""
