from django import template
from django.core.cache import cache

from news.gallery.models import Photo
from news.images import rendition_url
from portal.pagecache import versioned_key

register = template.Library()

RECENT_COUNT = 6
RECENT_TIMEOUT = 5 * 60


def recent_photos():
    """What the side block shows, cached until an album or photo changes."""
    key = versioned_key("gallery:recent-photos", ("gallery",))
    photos = cache.get(key)
    if photos is None:
        photos = [
            {
                "src": rendition_url(photo.image, "square"),
                "alt": photo.alt_text,
                "album_url": photo.album.get_absolute_url(),
            }
            for photo in Photo.objects.recent()[:RECENT_COUNT]
        ]
        cache.set(key, photos, RECENT_TIMEOUT)
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
