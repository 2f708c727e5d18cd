"""Small factories for test data: plain functions with keyword defaults."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import Article, Category

_seq = itertools.count(1)


def make_category(**fields):
    n = next(_seq)
    fields.setdefault("name", f"Chuyên mục {n}")
    fields.setdefault("slug", f"chuyen-muc-{n}")
    return Category.objects.create(**fields)


def make_article(*, tags=(), **fields):
    n = next(_seq)
    fields.setdefault("title", f"Bài viết số {n}")
    if "category" not in fields:
        fields["category"] = make_category()
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("summary", "Tóm tắt bài viết.")
    fields.setdefault("body", "<p>Nội dung bài viết.</p>")
    article = Article.objects.create(**fields)
    if tags:
        article.tags.add(*tags)
    return article


def make_user(username=None, *, password="mat-khau-thu-1", role=None, **fields):
    username = username or f"user{next(_seq)}"
    user = get_user_model().objects.create_user(
        username=username, password=password, email=f"{username}@example.org", **fields
    )
    if role:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=role))
    return user


def image_bytes(fmt="JPEG", size=(64, 48), color=(180, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def image_upload(name="anh.jpg", fmt="JPEG", **kwargs):
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}.get(
        fmt, "application/octet-stream"
    )
    return SimpleUploadedFile(
        name, image_bytes(fmt, **kwargs), content_type=content_type
    )


def make_vote(article, score=4, *, voter=None, user=None, ip_hash=None, **fields):
    """A stored star-rating vote (a guest's unless ``user`` is given)."""
    from ratings.models import Vote

    n = next(_seq)
    if voter is None:
        voter = f"u:{user.pk}" if user else f"g:{n:032x}"
    return Vote.objects.create(
        article=article,
        score=score,
        voter=voter,
        user=user,
        ip_hash=ip_hash or f"{n:064x}",
        **fields,
    )


def make_comment(*, article=None, **fields):
    from comments.models import Comment

    n = next(_seq)
    fields.setdefault("name", f"Bạn đọc {n}")
    fields.setdefault("email", f"ban-doc-{n}@example.org")
    fields.setdefault("text", f"Ý kiến số {n}.")
    fields.setdefault("state", Comment.State.APPROVED)
    return Comment.objects.create(article=article or make_article(), **fields)


def comment_data(article, *, age=10, **fields):
    """POST data of the article's comment form, as if opened ``age`` seconds ago."""
    import time

    from comments.forms import sign_stamp

    n = next(_seq)
    data = {
        "name": f"Người đọc {n}",
        "email": f"nguoi-doc-{n}@example.org",
        "text": f"Bình luận số {n}.",
        "stamp": sign_stamp(article.pk, issued_at=time.time() - age),
        "website": "",
    }
    data.update(fields)
    return data


def make_album(*, photos=0, **fields):
    from news.gallery.models import Album, Photo

    n = next(_seq)
    fields.setdefault("title", f"Album ảnh số {n}")
    album = Album.objects.create(**fields)
    for i in range(photos):
        Photo.objects.create(
            album=album,
            image=image_upload(f"anh-{n}-{i}.jpg"),
            caption=f"Ảnh {i + 1} của album {n}",
            order=i,
        )
    return album


def make_banner(**fields):
    from portal.models import Banner

    n = next(_seq)
    fields.setdefault("alt_text", f"Biểu ngữ {n}")
    fields.setdefault("link", f"https://example.org/lien-ket-{n}")
    fields.setdefault("image", image_upload(f"bieu-ngu-{n}.png", fmt="PNG"))
    return Banner.objects.create(**fields)


def admin_form_data(form):
    """POST data for an admin ModelForm as its page shows it (what a browser
    sends when the editor saves without touching anything)."""
    from django import forms as django_forms

    data = {}
    for bound in form:
        if isinstance(bound.field, django_forms.FileField):
            continue
        value = bound.value()
        widget = bound.field.widget
        if isinstance(bound.field, django_forms.SplitDateTimeField):
            names = [bound.html_name]
            if bound.field.show_hidden_initial:
                # A field with a callable default also sends the value the page
                # was opened with, which decides whether it changed.
                names.append(bound.html_initial_name)
            for name in names:
                if isinstance(value, list):  # a bound form: what was posted
                    date, time = (part or "" for part in value)
                    data[f"{name}_0"], data[f"{name}_1"] = date, time
                elif value:
                    local = timezone.localtime(value)
                    data[f"{name}_0"] = local.strftime("%d/%m/%Y")
                    data[f"{name}_1"] = local.strftime("%H:%M:%S")
            continue
        if isinstance(bound.field, django_forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        inner = getattr(widget, "widget", widget)  # the admin wraps related widgets
        if getattr(inner, "allow_multiple_selected", False):  # each value
            data[bound.html_name] = [str(item) for item in value]
            continue
        if hasattr(widget, "format_value") and not isinstance(value, str | int):
            value = widget.format_value(value)
        data[bound.html_name] = "" if value is None else value
    return data


# Documents for attachments: small but real files of each accepted kind, built
# here so that no binary sample has to be kept in the repository.

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def ole_bytes(*streams):
    """An OLE2 compound file (what DOC and XLS files are) holding the named
    streams of 4 KiB each under its root: ``ole_bytes("WordDocument")``."""
    import struct

    sector = 512
    per_stream = 4096 // sector
    first_data = 2  # sector 0: the FAT, sector 1: the directory
    fat = [FATSECT, ENDOFCHAIN]
    entries = []
    for index, name in enumerate(streams):
        start = first_data + index * per_stream
        fat += [*range(start + 1, start + per_stream), ENDOFCHAIN]
        entries.append((name, 2, start, 4096))
    fat += [FREESECT] * (sector // 4 - len(fat))

    def entry(name, kind, start, size, child=NOSTREAM, right=NOSTREAM):
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,  # black
            NOSTREAM,  # left sibling
            right,
            child,
            b"\0" * 16,
            0,
            0,
            0,
            start,
            size,
        )

    directory = entry("Root Entry", 5, ENDOFCHAIN, 0, child=1 if entries else NOSTREAM)
    for index, (name, kind, start, size) in enumerate(entries):
        right = index + 2 if index + 1 < len(entries) else NOSTREAM
        directory += entry(name, kind, start, size, right=right)
    directory += b"\0" * (
        sector - len(directory) % sector if len(directory) % sector else 0
    )
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,
        4096,  # mini stream cutoff
        ENDOFCHAIN,  # first mini FAT sector
        0,
        ENDOFCHAIN,  # first DIFAT sector
        0,
    )
    header += struct.pack("<109I", 0, *([FREESECT] * 108))
    body = struct.pack(f"<{sector // 4}I", *fat) + directory
    data = b"".join((name.encode()[:8] * 512)[:4096] for name, *_rest in entries)
    return header + body + data


def zip_bytes(members, *, encrypted=()):
    """A ZIP archive of ``members`` ({name: bytes}); names in ``encrypted`` are
    flagged as encrypted (as a password-protected archive's are)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 12, 2, 2, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    data = bytearray(buffer.getvalue())
    # zipfile cannot encrypt: set the "encrypted" flag in the entry's local and
    # central headers, which is what a checker sees first.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        name = data[central + 46 : central + 46 + name_length].decode()
        if name in encrypted:
            data[central + 8] |= 0x1
            data[infos[name].header_offset + 6] |= 0x1
        central = data.find(b"PK\x01\x02", central + 46)
    return bytes(data)


def ooxml_bytes(main_type, main_part, extra=None):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )
    return zip_bytes(
        {
            "[Content_Types].xml": content_types.encode(),
            "_rels/.rels": b"<Relationships/>",
            main_part: b"<document/>",
            **(extra or {}),
        }
    )


def odf_bytes(mimetype, extra=None):
    return zip_bytes(
        {
            "mimetype": mimetype.encode(),
            "content.xml": b"<office:document-content/>",
            "META-INF/manifest.xml": b"<manifest:manifest/>",
            **(extra or {}),
        }
    )


_PDF_TEXT = b"BT /F1 18 Tf 20 100 Td (Ke hoach to chuc hoi nghi) Tj ET"
PDF_BYTES = b"".join(
    [
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n",
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n",
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 360 200]/Contents 4 0 R",
        b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n",
        b"4 0 obj<</Length " + str(len(_PDF_TEXT)).encode() + b">>stream\n",
        _PDF_TEXT + b"\nendstream endobj\n",
        b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n",
        b"trailer<</Root 1 0 R>>\n%%EOF\n",
    ]
)
WORD_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
EXCEL_MAIN = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
)
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00"
    + b"\0" * 56
    + b"This program cannot be run in DOS mode."
)


def document_bytes(kind):
    """A small real file of ``kind`` (pdf, doc, docx, xls, xlsx, odt, ods, zip)."""
    return {
        "pdf": lambda: PDF_BYTES,
        "doc": lambda: ole_bytes("WordDocument", "\x01CompObj"),
        "xls": lambda: ole_bytes("Workbook"),
        "docx": lambda: ooxml_bytes(WORD_MAIN, "word/document.xml"),
        "xlsx": lambda: ooxml_bytes(EXCEL_MAIN, "xl/workbook.xml"),
        "odt": lambda: odf_bytes("application/vnd.oasis.opendocument.text"),
        "ods": lambda: odf_bytes("application/vnd.oasis.opendocument.spreadsheet"),
        "zip": lambda: zip_bytes(
            {"bao-cao.pdf": PDF_BYTES, "so-lieu/bang.xlsx": document_bytes("xlsx")}
        ),
    }[kind]()


def document_upload(name="tai-lieu.pdf", content=None, *, kind="pdf"):
    content = document_bytes(kind) if content is None else content
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


# The article form's attachments formset, empty: the management form a browser
# sends with an add page.
NO_ATTACHMENTS = {
    "attachments-TOTAL_FORMS": "0",
    "attachments-INITIAL_FORMS": "0",
    "attachments-MIN_NUM_FORMS": "0",
    "attachments-MAX_NUM_FORMS": "1000",
}


def admin_page_data(response):
    """POST data of an admin change page as shown: the form and every inline
    formset (management form included), as a browser sends it untouched."""
    data = admin_form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(admin_form_data(formset.management_form))
        for form in formset.forms:
            data.update(admin_form_data(form))
    return data
