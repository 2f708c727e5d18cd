"""Documents attached to articles: which files are accepted, told apart by content.

An attachment must be a PDF, a Word (DOC, DOCX), Excel (XLS, XLSX) or OpenDocument
(ODT, ODS) document, or a ZIP archive, within ``ATTACHMENT_MAX_BYTES``. The file's
name and the browser's content type are never believed:

- PDF: starts with ``%PDF-``.
- DOC / XLS: an OLE2 compound file (read with olefile) holding a ``WordDocument``
  / ``Workbook`` stream.
- DOCX / XLSX: a ZIP package whose ``[Content_Types].xml`` names a Word / Excel
  main part; ODT / ODS: a ZIP package whose ``mimetype`` member says so.
- Documents carrying macros (VBA storages, ``vbaProject.bin``, OpenDocument
  ``Basic/`` scripts, macro-enabled content types) are refused: readers would be
  asked to run code from the site.
- Any other ZIP archive must start with a local file header (a self-extracting
  ``.exe`` is a ZIP at its end, not at its start), and none of its files may be a
  program, by name (``.exe``, ``.js``, ``.bat``...) or by content (Windows, Linux,
  macOS and Java executables, ``#!`` scripts), encrypted (it could not be
  checked), or another kind of archive; ZIP archives inside are checked the same
  way, two levels deep at most. Other ZIP-based formats (presentations, e-books)
  are refused rather than passed off as ``.zip``.

Nothing is ever extracted to disk; only the first bytes of each member are read.
"""

import re
import struct
import zipfile
import zlib
from pathlib import PurePosixPath

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# kind: (label, extension, content type)
KINDS = {
    "pdf": ("PDF", "pdf", "application/pdf"),
    "doc": ("Word (DOC)", "doc", "application/msword"),
    "docx": (
        "Word (DOCX)",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xls": ("Excel (XLS)", "xls", "application/vnd.ms-excel"),
    "xlsx": (
        "Excel (XLSX)",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "odt": ("OpenDocument (ODT)", "odt", "application/vnd.oasis.opendocument.text"),
    "ods": (
        "OpenDocument (ODS)",
        "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    "zip": ("ZIP", "zip", "application/zip"),
}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_DEPTH = 2

# Programs by their first bytes: Windows PE/DOS, ELF, Mach-O (32/64 bit, both byte
# orders, universal), Java class (same magic as universal Mach-O), DEX, scripts.
PROGRAM_MAGICS = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"dex\n",
    b"#!",
)
# Archives that cannot be looked into here.
OTHER_ARCHIVE_MAGICS = (
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"MSCF",
    b"xar!",
)
PROGRAM_EXTENSIONS = {
    "exe", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "dll", "sys", "ocx",
    "drv", "bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "wsf",
    "wsh", "wsc", "hta", "lnk", "url", "reg", "inf", "scf", "gadget", "application",
    "appref-ms", "jar", "class", "apk", "dex", "app", "dmg", "pkg", "deb", "rpm",
    "sh", "bash", "csh", "ksh", "zsh", "run", "bin", "elf", "so", "dylib", "py",
    "pyc", "pyw", "pl", "rb", "php", "ps", "iso", "img", "vhd", "vhdx", "docm",
    "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm", "sldm",
}  # fmt: skip
OTHER_ARCHIVE_EXTENSIONS = {"rar", "7z", "gz", "tgz", "bz2", "xz", "cab", "tar", "arj"}

OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_CONTENT_TYPE = re.compile(rb'ContentType="([^"]+)"')


def accepted_formats():
    return _(
        "chỉ nhận PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS) "
        "và ZIP"
    )


def refuse(message, code, **params):
    raise ValidationError(message % params if params else message, code=code)


def identify_document(upload):
    """The kind (a key of ``KINDS``) of ``upload``, read from its content; raise
    ValidationError with a message for the editor if it is not accepted."""
    size = getattr(upload, "size", None) or 0
    if size > settings.ATTACHMENT_MAX_BYTES:
        refuse(
            _("Tệp quá lớn (%(size)s MB); tối đa %(max)s MB."),
            "attachment_too_large",
            size=_megabytes(size),
            max=_megabytes(settings.ATTACHMENT_MAX_BYTES),
        )
    if size == 0:
        refuse(_("Tệp rỗng."), "attachment_empty")
    try:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head == OLE_MAGIC:
            return _ole_kind(upload)
        if head.startswith(ZIP_MAGIC):
            with zipfile.ZipFile(upload) as archive:
                return _zip_kind(archive)
    except ValidationError:
        raise
    except (
        # What damaged or crafted files make the readers raise; the upload is
        # refused with a message, never a server error.
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        OSError,
        ValueError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        IndexError,
        KeyError,
    ) as exc:
        raise ValidationError(
            _("Tệp bị hỏng hoặc không đọc được."), code="attachment_damaged"
        ) from exc
    finally:
        upload.seek(0)
    refuse(
        _(
            "Tệp này không phải là tài liệu được nhận (%(formats)s); loại tệp được xét theo nội dung, không theo tên."
        ),
        "attachment_format",
        formats=accepted_formats(),
    )


def _megabytes(size):
    return f"{size / 1048576:.1f}".rstrip("0").rstrip(".")


def _ole_kind(upload):
    ole = olefile.OleFileIO(upload)
    try:
        top = {entry[0] for entry in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    if "Macros" in top or "_VBA_PROJECT_CUR" in top:
        _refuse_macros()
    if "WordDocument" in top:
        return "doc"
    if "Workbook" in top or "Book" in top:
        return "xls"
    if "EncryptedPackage" in top:
        refuse(
            _(
                "Tài liệu được đặt mật khẩu nên không kiểm tra được; hãy lưu lại không đặt mật khẩu."
            ),
            "attachment_encrypted",
        )
    refuse(
        _("Tệp Office này không phải là Word hay Excel (%(formats)s)."),
        "attachment_format",
        formats=accepted_formats(),
    )


def _refuse_macros():
    refuse(
        _(
            "Tài liệu có macro (mã lệnh) không được nhận; hãy lưu lại thành tệp không có macro."
        ),
        "attachment_macros",
    )


def _read_member(archive, name, limit):
    with archive.open(name) as member:
        return member.read(limit)


def _zip_kind(archive):
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = (
            _read_member(archive, "mimetype", 200).strip().decode("ascii", "replace")
        )
        kind = ODF_TYPES.get(mimetype)
        if kind is None and mimetype.startswith("application/vnd.oasis.opendocument"):
            refuse(
                _("Loại OpenDocument này không được nhận (%(formats)s)."),
                "attachment_format",
                formats=accepted_formats(),
            )
        if kind is not None:
            if any(name.startswith(("Basic/", "Scripts/")) for name in names):
                _refuse_macros()
            return kind
    if "[Content_Types].xml" in names:
        types = _CONTENT_TYPE.findall(
            _read_member(archive, "[Content_Types].xml", 1_000_000)
        )
        types = {t.decode("ascii", "replace") for t in types}
        if any("macroEnabled" in t for t in types) or any(
            PurePosixPath(name).name.lower() == "vbaproject.bin" for name in names
        ):
            _refuse_macros()
        for content_type, kind in OOXML_MAIN_TYPES.items():
            if content_type in types:
                return kind
        if any("openxmlformats-officedocument" in t for t in types):
            refuse(
                _("Loại tài liệu Office này không được nhận (%(formats)s)."),
                "attachment_format",
                formats=accepted_formats(),
            )
    if "META-INF/container.xml" in names:  # an e-book
        refuse(
            _(
                "Tệp này không phải là tài liệu được nhận (%(formats)s); loại tệp được xét theo nội dung, không theo tên."
            ),
            "attachment_format",
            formats=accepted_formats(),
        )
    _check_archive_members(archive, depth=1)
    return "zip"


def _check_archive_members(archive, depth):
    """Refuse an archive holding a program, an encrypted file or an archive that
    cannot be looked into; archives inside are checked the same way."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    if not members and depth == 1:
        refuse(_("Tệp ZIP rỗng."), "attachment_empty")
    if len(members) > ZIP_MAX_MEMBERS:
        refuse(
            _("Tệp ZIP có quá nhiều tệp (%(count)s); tối đa %(max)s."),
            "attachment_zip_too_many",
            count=len(members),
            max=ZIP_MAX_MEMBERS,
        )
    for info in members:
        name = info.filename
        shown = PurePosixPath(name).name[:80]
        extension = PurePosixPath(name.lower()).suffix.lstrip(".")
        if info.flag_bits & 0x1:
            refuse(
                _(
                    "Tệp ZIP có tệp được đặt mật khẩu (%(name)s) nên không kiểm tra được; hãy nén lại không đặt mật khẩu."
                ),
                "attachment_zip_encrypted",
                name=shown,
            )
        if extension in PROGRAM_EXTENSIONS:
            _refuse_program(shown)
        if extension in OTHER_ARCHIVE_EXTENSIONS:
            _refuse_archive(shown)
        if info.file_size == 0:
            continue
        head = _read_member(archive, info, 8)
        if head.startswith(PROGRAM_MAGICS):
            _refuse_program(shown)
        if head.startswith(OTHER_ARCHIVE_MAGICS):
            _refuse_archive(shown)
        if head.startswith(ZIP_MAGIC):
            if depth >= ZIP_MAX_DEPTH or info.file_size > settings.ATTACHMENT_MAX_BYTES:
                _refuse_archive(shown)
            with archive.open(info) as member, zipfile.ZipFile(member) as inner:
                _check_archive_members(inner, depth + 1)


def _refuse_program(name):
    refuse(
        _("Tệp ZIP chứa chương trình hoặc mã lệnh (%(name)s) nên không được nhận."),
        "attachment_zip_program",
        name=name,
    )


def _refuse_archive(name):
    refuse(
        _(
            "Tệp ZIP chứa một tệp nén khác (%(name)s) không kiểm tra được; hãy đưa các tệp vào cùng một tệp ZIP."
        ),
        "attachment_zip_nested",
        name=name,
    )
