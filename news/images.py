"""Image uploads: what is accepted, and the smaller renditions pages show.

An upload must be a real JPEG, PNG, WebP or GIF that Pillow can decode, within the
size and pixel limits in settings. Pages never show the upload itself: they ask for
a named rendition, made once with Pillow and kept next to the other media.
"""

import hashlib
import logging
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

# Accepted formats and the file extension each is stored with.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
FORMAT_ERROR = gettext_lazy(
    "Định dạng %(format)s không được nhận; hãy dùng JPEG, PNG, WebP hoặc GIF."
)
# A site icon (favicon) may also be a Windows icon file.
ICON_FORMATS = {**ALLOWED_FORMATS, "ICO": "ico"}
ICON_FORMAT_ERROR = gettext_lazy(
    "Định dạng %(format)s không được nhận; hãy dùng PNG, ICO, JPEG, WebP hoặc GIF."
)
ICON_MIN_SIZE, ICON_MAX_SIZE = 16, 512

# The article column's width on a desktop (static/css/site.css): images put into
# the body from CKEditor are inserted at most this wide.
CONTENT_WIDTH = 760

# name: (width, height, crop). Crop fills the box exactly; otherwise fit inside.
RENDITIONS = {
    "thumb": (240, 160, True),
    "card": (480, 300, True),
    "wide": (960, 600, False),
    "square": (200, 200, True),
    "photo": (1600, 1200, False),
}


def validate_image_file(upload):
    """Raise ValidationError unless ``upload`` is an acceptable image; return its format."""
    return _check_image(upload, formats=ALLOWED_FORMATS, format_error=FORMAT_ERROR)[0]


def validate_icon_file(upload):
    """As ``validate_image_file`` for a site icon: one of ``ICON_FORMATS``, square,
    16 to 512 pixels a side."""
    fmt, (width, height) = _check_image(
        upload, formats=ICON_FORMATS, format_error=ICON_FORMAT_ERROR
    )
    if fmt is None:
        return None
    if width != height or not ICON_MIN_SIZE <= width <= ICON_MAX_SIZE:
        raise ValidationError(
            _(
                "Biểu tượng phải là ảnh vuông, từ %(min)s×%(min)s đến %(max)s×%(max)s "
                "điểm ảnh (ảnh này %(w)s×%(h)s)."
            )
            % {"min": ICON_MIN_SIZE, "max": ICON_MAX_SIZE, "w": width, "h": height},
            code="icon_size",
        )
    return fmt


def _check_image(upload, *, formats, format_error):
    """``(format, (width, height))`` of an acceptable image; ValidationError otherwise."""
    if upload is None:
        return None, (0, 0)
    size = getattr(upload, "size", None) or 0
    if size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {
                "size": round(size / 1048576, 1),
                "max": settings.IMAGE_MAX_BYTES // 1048576,
            },
            code="image_too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            fmt = image.format
            width, height = image.size
            if fmt not in formats:
                raise ValidationError(
                    str(format_error) % {"format": fmt or "?"}, code="image_format"
                )
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("Ảnh có quá nhiều điểm ảnh (%(w)s×%(h)s).")
                    % {"w": width, "h": height},
                    code="image_pixels",
                )
            image.verify()
            return fmt, (width, height)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ValidationError(
            _("Tệp này không phải là ảnh hợp lệ."), code="image_invalid"
        ) from exc
    finally:
        upload.seek(0)


def rendition_name(original_name, spec):
    width, height, crop = RENDITIONS[spec]
    digest = hashlib.sha1(original_name.encode()).hexdigest()[:12]
    stem = PurePosixPath(original_name).stem[:40]
    return f"renditions/{spec}/{digest}-{stem}-{width}x{height}.jpg"


def make_rendition(original_name, spec):
    """Write the rendition of ``original_name`` for ``spec`` and return its storage name."""
    width, height, crop = RENDITIONS[spec]
    name = rendition_name(original_name, spec)
    if default_storage.exists(name):
        return name
    with (
        default_storage.open(original_name, "rb") as source,
        Image.open(source) as image,
    ):
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 scale, never below the box:
        # about four times faster for a camera photo (30 at once in the library).
        image.draft("RGB", (width, height))
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGB")
        if crop:
            image = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
        else:
            image.thumbnail((width, height), Image.Resampling.LANCZOS)
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return default_storage.save(name, ContentFile(buffer.getvalue()))


# On remote storage (S3) asking whether a file exists is a request: a rendition
# known to exist is remembered in the cache instead (forgotten when deleted).
EXISTS_CACHE_SECONDS = 7 * 24 * 3600


def _exists_key(name):
    return "news:rendition:" + hashlib.sha1(name.encode()).hexdigest()


def rendition_exists(name):
    """Whether the rendition ``name`` is stored."""
    if isinstance(storages["default"], FileSystemStorage):
        return default_storage.exists(name)
    key = _exists_key(name)
    if cache.get(key):
        return True
    found = default_storage.exists(name)
    if found:
        cache.set(key, True, EXISTS_CACHE_SECONDS)
    return found


def forget_renditions(original_name):
    """Drop what the cache remembers of ``original_name``'s renditions."""
    cache.delete_many(
        [_exists_key(rendition_name(original_name, spec)) for spec in RENDITIONS]
    )


def rendition_url(image_field, spec):
    """URL of the ``spec`` rendition of an ImageField's file ("" when there is none)."""
    if not image_field:
        return ""
    name = rendition_name(image_field.name, spec)
    if not rendition_exists(name):
        try:
            name = make_rendition(image_field.name, spec)
        except (OSError, ValueError, Image.DecompressionBombError):
            logger.warning("Cannot make %s rendition of %s", spec, image_field.name)
            return ""
    return default_storage.url(name)
