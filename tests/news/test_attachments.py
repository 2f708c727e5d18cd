"""Documents attached to articles: checked by content, stored under safe names,
served to whoever may read the article, removed with their article."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from news.models import Article, Attachment
from news.services import add_attachment
from tests.factories import (
    EXE_BYTES,
    NO_ATTACHMENTS,
    PDF_BYTES,
    admin_page_data,
    document_bytes,
    document_upload,
    make_article,
    make_category,
    make_user,
    odf_bytes,
    ole_bytes,
    ooxml_bytes,
    zip_bytes,
)
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db

KINDS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]


@pytest.fixture
def editor(client):
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


def with_attachments(data, *rows):
    data = {**data, **NO_ATTACHMENTS, "attachments-TOTAL_FORMS": str(len(rows))}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"attachments-{index}-{name}"] = value
    return data


def add_with_attachment(client, upload, **row):
    data = with_attachments(
        article_form(make_category()),
        {"file": upload, "title": "", "order": "0", **row},
    )
    return client.post(reverse("admin:news_article_add"), data)


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def attachment_errors(response):
    formset = response.context["inline_admin_formsets"][0].formset
    return [
        message for form in formset.forms for message in form.errors.get("file", [])
    ]


# What is accepted, by content.


@pytest.mark.parametrize("kind", KINDS)
def test_each_accepted_format_is_attached_through_the_admin(
    client, editor, kind, settings
):
    upload = document_upload(f"Báo cáo tổng kết năm 2024.{kind}", kind=kind)
    response = add_with_attachment(client, upload)
    assert response.status_code == 302, attachment_errors(response)
    attachment = Article.objects.get().attachments.get()
    assert attachment.kind == kind
    assert attachment.size == len(document_bytes(kind))
    assert attachment.title == "Báo cáo tổng kết năm 2024"
    assert attachment.file.name.startswith("attachments/")
    assert attachment.file.name.endswith(f".{kind}")
    assert default_storage.open(attachment.file.name).read() == document_bytes(kind)


@pytest.mark.parametrize(
    "name, kind",
    [("quyet-dinh.docx", "pdf"), ("bang-luong.pdf", "xlsx"), ("ke-hoach", "odt")],
)
def test_the_kind_follows_the_content_not_the_name(client, editor, name, kind):
    response = add_with_attachment(client, document_upload(name, kind=kind))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.kind == kind and attachment.file.name.endswith(f".{kind}")


REFUSED = {
    "an executable renamed .pdf": ("hop-dong.pdf", EXE_BYTES, "không phải là tài liệu"),
    "a script renamed .docx": (
        "x.docx",
        b"<script>alert(1)</script>",
        "không phải là tài liệu",
    ),
    "a self-extracting archive": (
        "tai-lieu.zip",
        EXE_BYTES + zip_bytes({"a.pdf": PDF_BYTES}),
        "không phải là tài liệu",
    ),
    "a ZIP holding a program": (
        "tai-lieu.zip",
        zip_bytes({"bao-cao.pdf": PDF_BYTES, "setup.exe": EXE_BYTES}),
        "chứa chương trình hoặc mã lệnh (setup.exe)",
    ),
    "a ZIP holding a program renamed .txt": (
        "tai-lieu.zip",
        zip_bytes({"doc-toi.txt": EXE_BYTES}),
        "chứa chương trình hoặc mã lệnh (doc-toi.txt)",
    ),
    "a ZIP holding a script by name": (
        "tai-lieu.zip",
        zip_bytes({"mo-tai-lieu.js": b"WScript.Echo(1)"}),
        "chứa chương trình hoặc mã lệnh (mo-tai-lieu.js)",
    ),
    "a ZIP in a ZIP holding a program": (
        "tai-lieu.zip",
        zip_bytes({"ben-trong.zip": zip_bytes({"virus.dat": b"\x7fELF\x02\x01"})}),
        "chứa chương trình hoặc mã lệnh (virus.dat)",
    ),
    "a ZIP with an encrypted file": (
        "tai-lieu.zip",
        zip_bytes({"bi-mat.pdf": PDF_BYTES}, encrypted={"bi-mat.pdf"}),
        "đặt mật khẩu (bi-mat.pdf)",
    ),
    "a ZIP holding a RAR archive": (
        "tai-lieu.zip",
        zip_bytes({"kem-theo.bin2": b"Rar!\x1a\x07\x00rest"}),
        "tệp nén khác (kem-theo.bin2)",
    ),
    "an empty ZIP": ("rong.zip", zip_bytes({}), "không phải là tài liệu"),
    "a damaged ZIP": ("hong.zip", b"PK\x03\x04" + b"\0" * 200, "bị hỏng"),
    "a ZIP with corrupt compressed data": (
        "hong.zip",
        (lambda data: data[:41] + b"\xff\xff\xff\xff" + data[45:])(
            zip_bytes({"bao-cao.pdf": PDF_BYTES * 20})
        ),
        "bị hỏng",
    ),
    "a truncated DOC": ("cut.doc", ole_bytes("WordDocument")[:700], "bị hỏng"),
    "an empty file": ("rong.pdf", b"", "rỗng"),
    "a Word document with macros": (
        "macro.docx",
        ooxml_bytes(
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "word/document.xml",
            {"word/vbaProject.bin": b"\0" * 10},
        ),
        "có macro",
    ),
    "a DOC with macros": ("macro.doc", ole_bytes("WordDocument", "Macros"), "có macro"),
    "an XLS with macros": (
        "macro.xls",
        ole_bytes("Workbook", "_VBA_PROJECT_CUR"),
        "có macro",
    ),
    "an OpenDocument with macros": (
        "macro.odt",
        odf_bytes("application/vnd.oasis.opendocument.text", {"Basic/x.xml": b"<x/>"}),
        "có macro",
    ),
    "a PowerPoint file": (
        "trinh-chieu.ppt",
        ole_bytes("PowerPoint Document"),
        "không phải là Word hay Excel",
    ),
    "a PPTX passed off as ZIP": (
        "trinh-chieu.zip",
        ooxml_bytes(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "ppt/presentation.xml",
        ),
        "Loại tài liệu Office này không được nhận",
    ),
    "an OpenDocument presentation": (
        "trinh-chieu.odp",
        odf_bytes("application/vnd.oasis.opendocument.presentation"),
        "Loại OpenDocument này không được nhận",
    ),
    "an image": (
        "anh.pdf",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 50,
        "không phải là tài liệu",
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_refused_file_gets_a_message_and_nothing_is_stored(
    client, editor, case, settings
):
    name, content, message = REFUSED[case]
    response = add_with_attachment(client, document_upload(name, content))
    assert response.status_code == 200
    errors = attachment_errors(response)
    assert len(errors) == 1 and message in errors[0], errors
    assert not Article.objects.exists()
    assert stored_files(settings) == []


def test_a_docx_inside_a_zip_is_accepted(client, editor):
    content = zip_bytes({"van-ban/quyet-dinh.docx": document_bytes("docx")})
    assert (
        add_with_attachment(client, document_upload("ho-so.zip", content)).status_code
        == 302
    )
    assert Attachment.objects.get().kind == "zip"


def test_an_oversized_file_is_refused_with_the_limit(client, editor, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    content = PDF_BYTES + b"\0" * (1024 * 1024)
    response = add_with_attachment(client, document_upload("lon.pdf", content))
    assert attachment_errors(response) == ["Tệp quá lớn (1 MB); tối đa 1 MB."]
    assert stored_files(settings) == []


def test_the_add_page_states_the_accepted_formats_and_the_limit(
    client, editor, settings
):
    settings.ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
    html = client.get(reverse("admin:news_article_add")).content.decode()
    html = html.replace("\xa0", " ")  # sizes do not wrap
    assert "Tài liệu đính kèm" in html
    assert "ZIP, tối đa 20,0 MB mỗi tệp" in html


def test_a_name_with_path_tricks_is_stored_under_a_generated_name(
    client, editor, settings
):
    upload = document_upload("../../../../etc/cron.d/..\\..\\Quyết định.pdf")
    assert add_with_attachment(client, upload).status_code == 302
    attachment = Attachment.objects.get()
    name = attachment.file.name
    assert name.startswith("attachments/") and ".." not in name and "\\" not in name
    assert Path(name).name.startswith("quyet-dinh-") and name.endswith(".pdf")
    [stored] = stored_files(settings)
    assert stored == name
    assert attachment.title == "Quyết định"


# Editing and removing.


def test_the_title_is_editable_and_files_go_with_their_attachment(
    client, editor, settings, django_capture_on_commit_callbacks
):
    article = make_article()
    first = add_attachment(article=article, file=ContentFile(PDF_BYTES, name="mot.pdf"))
    second = add_attachment(
        article=article, file=ContentFile(document_bytes("xlsx"), name="hai.xlsx")
    )
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_page_data(client.get(url))
    data["attachments-0-title"] = "Quyết định số 12/QĐ-UBND"
    data["attachments-1-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.title == "Quyết định số 12/QĐ-UBND"
    assert not Attachment.objects.filter(pk=second.pk).exists()
    assert stored_files(settings) == [first.file.name]
    # The history names what changed: the attachments, not the article's fields.
    from reversion.models import Version

    comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert "tài liệu đính kèm" in comment and "Nội dung" not in comment


def test_a_stored_attachment_cannot_lose_its_title(client, editor):
    article = make_article()
    add_attachment(article=article, file=ContentFile(PDF_BYTES, name="a.pdf"))
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_page_data(client.get(url))
    data["attachments-0-title"] = "  "
    response = client.post(url, data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[0].errors["title"]
    assert Attachment.objects.get().title == "a"


def test_replacing_the_file_removes_the_old_one(
    client, editor, settings, django_capture_on_commit_callbacks
):
    article = make_article()
    attachment = add_attachment(
        article=article, file=ContentFile(PDF_BYTES, name="cu.pdf")
    )
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_page_data(client.get(url))
    data["attachments-0-file"] = document_upload("moi.docx", kind="docx")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    attachment.refresh_from_db()
    assert attachment.kind == "docx"
    assert stored_files(settings) == [attachment.file.name]


def test_deleting_the_article_removes_its_files(
    client, settings, django_capture_on_commit_callbacks
):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    article = make_article()
    for kind in ["pdf", "zip"]:
        add_attachment(
            article=article, file=ContentFile(document_bytes(kind), name=f"x.{kind}")
        )
    assert len(stored_files(settings)) == 2
    url = reverse("admin:news_article_delete", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Attachment.objects.exists()
    assert stored_files(settings) == []


def test_files_are_removed_through_the_storage_so_any_storage_works(
    settings, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    from django.core.files.storage import default_storage as storage

    article = make_article()
    attachment = add_attachment(
        article=article, file=ContentFile(PDF_BYTES, name="a.pdf")
    )
    assert storage.exists(attachment.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not storage.exists(attachment.file.name)


def test_a_reporter_attaches_to_their_draft_but_not_to_their_published_article(client):
    reporter = make_user(role="Phóng viên")
    client.force_login(reporter)
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = admin_page_data(client.get(url))
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": document_upload("ke-hoach.pdf"),
            "attachments-0-order": "0",
        }
    )
    assert client.post(url, data).status_code == 302
    assert draft.attachments.count() == 1

    published = make_article(created_by=reporter)
    page = client.get(reverse("admin:news_article_change", args=[published.pk]))
    formset = page.context["inline_admin_formsets"][0]
    assert not formset.has_add_permission
    assert not formset.has_change_permission


# The service other code uses (the NukeViet import).


def test_add_attachment_checks_and_stores_like_the_admin(settings, tmp_path):
    article = make_article()
    path = tmp_path / "Kế hoạch 2025.odt"
    path.write_bytes(document_bytes("odt"))
    with path.open("rb") as handle:
        attachment = add_attachment(article=article, file=handle)
    assert attachment.kind == "odt" and attachment.title == "Kế hoạch 2025"
    assert attachment.order == 0
    second = add_attachment(
        article=article, file=ContentFile(PDF_BYTES, name="b.pdf"), title="Phụ lục"
    )
    assert second.order == 1 and second.title == "Phụ lục"

    with pytest.raises(ValidationError) as refused:
        add_attachment(article=article, file=ContentFile(EXE_BYTES, name="c.pdf"))
    assert refused.value.error_dict["file"][0].code == "attachment_format"
    assert article.attachments.count() == 2
    assert len(stored_files(settings)) == 2


def test_control_characters_never_reach_the_title():
    article = make_article()
    named = add_attachment(
        article=article, file=ContentFile(PDF_BYTES, name="Quyết\x00 định\n12.pdf")
    )
    titled = add_attachment(
        article=article,
        file=ContentFile(PDF_BYTES, name="a.pdf"),
        title="Kế\x00hoạch\t",
    )
    assert (named.title, titled.title) == ("Quyết định 12", "Kế hoạch")


def test_saving_an_attachment_without_cleaning_still_checks_the_file():
    attachment = Attachment(
        article=make_article(), file=ContentFile(EXE_BYTES, name="x.pdf")
    )
    with pytest.raises(ValidationError):
        attachment.save()
    assert not Attachment.objects.exists()


# Serving.


def test_the_download_has_the_content_type_and_the_title_as_file_name(client):
    article = make_article()
    attachment = add_attachment(
        article=article,
        file=ContentFile(document_bytes("docx"), name="x.docx"),
        title="Quyết định số 12/QĐ-UBND",
    )
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91"
        "%2012%20Q%C4%90-UBND.docx"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == document_bytes("docx")


def test_a_pdf_is_served_inline_for_the_preview_frame(client):
    attachment = add_attachment(
        article=make_article(), file=ContentFile(PDF_BYTES, name="Ke hoach.pdf")
    )
    response = client.get(attachment.preview_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Ke hoach.pdf"'
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    other = add_attachment(
        article=make_article(), file=ContentFile(document_bytes("xls"), name="a.xls")
    )
    assert client.get(other.preview_url()).status_code == 404


def test_attachments_of_unpublished_articles_are_404_except_to_who_may_preview(client):
    reporter = make_user(role="Phóng viên")
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    attachment = add_attachment(
        article=draft, file=ContentFile(PDF_BYTES, name="a.pdf")
    )
    urls = [attachment.get_absolute_url(), attachment.preview_url()]
    for url in urls:
        assert client.get(url).status_code == 404
    client.force_login(make_user(role="Phóng viên"))  # someone else's draft
    for url in urls:
        assert client.get(url).status_code == 404
    for user in [reporter, make_user(role="Thư ký tòa soạn")]:
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            assert "no-cache" in response["Cache-Control"]


def test_unknown_attachments_and_direct_media_addresses_are_404(client):
    attachment = add_attachment(
        article=make_article(), file=ContentFile(PDF_BYTES, name="a.pdf")
    )
    assert client.get("/tai-lieu/999999/").status_code == 404
    assert client.get("/tai-lieu/9999999999999999999999/").status_code == 404
    assert client.get("/tai-lieu/abc/").status_code == 404
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    default_storage.delete(attachment.file.name)  # the file lost on disk
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_the_article_page_lists_attachments_with_type_size_and_a_pdf_preview(client):
    article = make_article()
    pdf = add_attachment(
        article=article, file=ContentFile(PDF_BYTES, name="a.pdf"), title="Kế hoạch"
    )
    xlsx = add_attachment(
        article=article,
        file=ContentFile(document_bytes("xlsx") + b"\0" * 3000, name="b.xlsx"),
        title="Số liệu",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tài liệu đính kèm" in html
    assert f'href="/tai-lieu/{pdf.pk}/" download>Kế hoạch</a>' in html
    assert f'href="/tai-lieu/{xlsx.pk}/" download>Số liệu</a>' in html
    assert re.search(r"\(Excel \(XLSX\), \d+,\d\xa0KB\)", html)
    assert f'<iframe src="/tai-lieu/{pdf.pk}/xem/"' in html
    assert html.count("<iframe") == 1
    assert 'style="' not in html.split('class="attachments"')[1].split("</section>")[0]


def test_an_article_without_attachments_shows_no_section(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert "Tài liệu đính kèm" not in html


def test_documents_are_told_apart_by_their_inner_members():
    from news.documents import identify_document

    def kind_of(content):
        return identify_document(document_upload("x", content))

    assert kind_of(document_bytes("docx")) == "docx"
    assert kind_of(document_bytes("xlsx")) == "xlsx"
    assert kind_of(document_bytes("odt")) == "odt"
    assert kind_of(document_bytes("ods")) == "ods"
    assert kind_of(zip_bytes({"word/document.xml": b"<x/>"})) == "zip"
    assert zipfile.is_zipfile(io.BytesIO(document_bytes("docx")))
