"""Copying the old site's uploads into our media, through the checks of an upload.

Images pass ``news.images.validate_image_file`` (JPEG, PNG, WebP or GIF that
Pillow decodes, within the size and pixel limits) and are stored with the
extension of their decoded format; other files pass an allow-list of document
types and a size limit. Each old file gets one fixed name here
(``nukeviet/<module upload folder>/<its path there>``), so a second run finds it
and copies nothing. A file that is missing or refused is reported, never fatal.
"""

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from news.images import ALLOWED_FORMATS, make_rendition, validate_image_file
from news.text import slugify_vi

MEDIA_FOLDER = "nukeviet"
# What an article's attachments may be, and how large (see docs/import.md).
FILE_EXTENSIONS = {
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "rtf",
    "txt",
    "csv",
    "zip",
    "rar",
    "7z",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "mp3",
    "mp4",
}
FILE_MAX_BYTES = 50 * 1024 * 1024
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "jpe"}
# Renditions article pages ask for (templates/news, templates/includes).
ARTICLE_RENDITIONS = ("thumb", "wide")


class Uploads:
    """The old ``uploads`` folder (``--uploads DIR``) of one news module.

    ``problems`` collects one line per file that could not come over.
    """

    def __init__(self, root, module_upload, *, dry_run=False):
        self.root = Path(root).resolve() if root else None
        self.module_upload = module_upload
        self.dry_run = dry_run
        self.problems = []
        self.failed = []  # the paths of those problems
        self.copied = 0
        self.reused = 0
        self._done = {}

    def relative(self, url):
        """The path under the uploads folder that an old address points at, or
        None when it does not point into ``uploads/`` (or ``assets/``, where
        NukeViet keeps thumbnails of the same files)."""
        path = unquote(urlsplit(url.strip()).path)
        parts = PurePosixPath(path).parts
        for marker in ("uploads", "assets"):
            if marker in parts:
                inner = parts[parts.index(marker) + 1 :]
                return posixpath.normpath("/".join(inner)) if inner else None
        return None

    def in_module(self, name):
        """A path given relative to the module's folder (NukeViet's
        ``homeimgfile`` and ``files``) as a path under the uploads folder."""
        return posixpath.normpath(f"{self.module_upload}/{name.strip().lstrip('/')}")

    def image(self, relative, *, renditions=()):
        """The stored name of the old image at ``relative``, copied once; None
        (and a problem line) if it is missing or not an acceptable image."""
        return self._bring(relative, image=True, renditions=renditions)

    def file(self, relative):
        """The stored name of an old attachment, copied once; None (and a
        problem line) if it is missing, of a refused type or too large."""
        return self._bring(relative, image=False)

    def body_url(self, url):
        """The address here of an image or file an article body links to in the
        old uploads, or None to leave the link as it is. A full address (with a
        host) counts as the old site's only if the file is in the folder: other
        sites have uploads folders too."""
        relative = self.relative(url)
        if relative is None or self.root is None:
            return None
        extension = PurePosixPath(relative).suffix.lower().lstrip(".")
        if extension not in FILE_EXTENSIONS:
            return None
        if urlsplit(url.strip()).netloc and not (self.root / relative).is_file():
            return None
        name = self._bring(relative, image=extension in IMAGE_EXTENSIONS)
        return default_storage.url(name) if name else None

    def _bring(self, relative, *, image, renditions=()):
        if relative in self._done:
            return self._done[relative]
        name = self._copy(relative, image=image, renditions=renditions)
        self._done[relative] = name
        return name

    def _copy(self, relative, *, image, renditions):
        source = self._source(relative)
        if source is None:
            return None
        extension = source.suffix.lower().lstrip(".")
        size = source.stat().st_size
        with source.open("rb") as handle:
            upload = File(handle, name=source.name)
            try:
                if image:
                    extension = ALLOWED_FORMATS[validate_image_file(upload)]
                elif extension not in FILE_EXTENSIONS:
                    raise ValidationError(
                        _("loại tệp .%(ext)s không được nhận") % {"ext": extension}
                    )
                elif size > FILE_MAX_BYTES:
                    raise ValidationError(
                        _("tệp quá lớn (%(size)s MB)")
                        % {"size": round(size / 1048576, 1)}
                    )
            except ValidationError as error:
                self.failed.append(relative)
                self.problems.append(
                    _("Tệp %(path)s không được chép: %(why)s")
                    % {"path": relative, "why": " ".join(error.messages)}
                )
                return None
            name = self.stored_name(relative, extension)
            if default_storage.exists(name):
                self.reused += 1
                return name
            self.copied += 1
            if self.dry_run:
                return name
            upload.seek(0)
            name = default_storage.save(name, upload)
        for spec in renditions:
            make_rendition(name, spec)
        return name

    def _source(self, relative):
        if self.root is None:
            self.failed.append(relative)
            self.problems.append(
                _("Tệp %(path)s không được chép: chưa chỉ ra thư mục --uploads.")
                % {"path": relative}
            )
            return None
        source = (self.root / relative).resolve()
        if self.root not in source.parents or not source.is_file():
            self.failed.append(relative)
            self.problems.append(
                _("Thiếu tệp %(path)s trong thư mục uploads.") % {"path": relative}
            )
            return None
        return source

    def changed_since(self, relatives):
        """Whether any of these paths, missing or refused before, may come over
        now (it is in the uploads folder)."""
        if self.root is None:
            return False
        return any((self.root / relative).is_file() for relative in relatives)

    def stored_name(self, relative, extension):
        """``nukeviet/<folders>/<stem>.<extension>``: each part of the old path
        made safe (Vietnamese letters transliterated), the same on every run."""
        path = PurePosixPath(relative)
        folders = [slugify_vi(part, max_length=60) or "_" for part in path.parent.parts]
        stem = slugify_vi(path.stem, max_length=80) or "tep"
        return "/".join([MEDIA_FOLDER, *folders, f"{stem}.{extension}"])
