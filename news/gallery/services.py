"""Writes to the photo library that touch several rows or files."""

from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image

from news.gallery.models import Album, Photo
from news.images import (
    ALLOWED_FORMATS,
    RENDITIONS,
    forget_renditions,
    make_rendition,
    rendition_name,
    validate_image_file,
)
from news.text import slugify_vi

# Every rendition a page shows of a photo (album page, album list cover, side
# block), made at upload time so no reader's request decodes a camera photo.
UPLOAD_RENDITIONS = ("thumb", "photo", "card", "square")


@dataclass
class UploadResult:
    added: list = field(default_factory=list)
    # (file name as uploaded, reason) for every file that was not kept.
    rejected: list = field(default_factory=list)


def add_photos(*, album: Album, files) -> UploadResult:
    """Add every acceptable image in ``files`` to ``album``, after its current photos.

    Each file is checked on its own: a file that is not an acceptable image, or
    whose picture cannot be decoded (a truncated JPEG passes the format check), is
    reported by name in ``rejected`` and the others are still saved. The stored
    file name is the folded upload name with the extension of the decoded format.
    The renditions for the album page and the lightbox are made straight away.
    """
    result = UploadResult()
    with transaction.atomic():
        # Lock the album so two uploads at once number their photos one after the other.
        Album.objects.select_for_update().filter(pk=album.pk).first()
        last = album.photos.aggregate(last=Max("order"))["last"]
        order = 0 if last is None else last + 1
        for upload in files:
            try:
                fmt = validate_image_file(upload)
            except ValidationError as error:
                result.rejected.append((upload.name, " ".join(error.messages)))
                continue
            stem = slugify_vi(PurePath(upload.name).stem, max_length=60) or "anh"
            photo = Photo(album=album, order=order)
            photo.image.save(f"{stem}.{ALLOWED_FORMATS[fmt]}", upload, save=False)
            try:
                for spec in UPLOAD_RENDITIONS:
                    make_rendition(photo.image.name, spec)
            except (OSError, ValueError, Image.DecompressionBombError):
                delete_image(photo.image.name)
                result.rejected.append(
                    (
                        upload.name,
                        _("Không đọc được nội dung ảnh (tệp có thể bị hỏng)."),
                    )
                )
                continue
            photo.save()
            result.added.append(photo)
            order += 1
        if result.added and album.cover_id is None:
            album.cover = result.added[0]
            album.save(update_fields=["cover", "updated"])
    return result


def delete_image(name):
    """Delete a stored image and whatever renditions of it exist."""
    default_storage.delete(name)
    for spec in RENDITIONS:
        default_storage.delete(rendition_name(name, spec))
    forget_renditions(name)
