"""The editor's round in Chromium: an administrator adds a reporter with a role in
one step; the reporter writes an article with tags and a PDF attachment, saves it
again without a change (the history stays as it was) and previews it on the site,
where the PDF opens in the browser's own viewer under a Content-Security-Policy.
Screenshots go to var/artifacts/."""

import os

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from reversion.models import Version

from news.models import Article
from tests.browser.waiting import wait_for_js
from tests.factories import PDF_BYTES, make_article, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "Mat-khau-phong-vien-2025"
# A policy as strict as a public site would send: no inline script or style,
# no plugins in the page itself.
STRICT_CSP = (
    "default-src 'self'; object-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'self'"
)


def sign_in(page, live_server, username, password, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def shot(page, artifacts_dir, name, **options):
    page.screenshot(
        path=os.path.join(artifacts_dir, f"editor-round-{name}.png"), **options
    )


def test_the_editors_round(live_server, browser, admin_user, artifacts_dir, tmp_path):
    make_category(name="Thời sự")
    make_article(tags=["Mặt trận Tổ quốc"])  # an existing tag to be suggested
    pdf = tmp_path / "Kế hoạch tổ chức hội nghị.pdf"
    pdf.write_bytes(PDF_BYTES)

    # 1. The administrator adds a reporter: username, password and role at once.
    admin_context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = admin_context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "admin", "password", "/admin/auth/user/add/")
    page.fill("#id_username", "phongvien.lan")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("input[name=role][value='Phóng viên']")
    page.fill("#id_last_name", "Nguyễn Thị")
    page.fill("#id_first_name", "Lan")
    page.fill("#id_email", "lan@example.org")
    shot(page, artifacts_dir, "1-new-reporter")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    reporter = get_user_model().objects.get(username="phongvien.lan")
    assert reporter.is_staff
    assert list(reporter.groups.values_list("name", flat=True)) == ["Phóng viên"]
    admin_context.close()

    # 2. The reporter writes an article with tags and a PDF.
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "phongvien.lan", PASSWORD, "/admin/news/article/add/")
    wait_for_js(
        page,
        "window.CKEDITOR && Object.values(CKEDITOR.instances).length"
        " && Object.values(CKEDITOR.instances)[0].status === 'ready'",
    )
    page.fill("#id_title", "Hội nghị tổng kết công tác Mặt trận năm 2024")
    page.click(".field-category .select2-selection")
    page.fill(".select2-search__field", "Thời")
    page.click(".select2-results__option >> text=Thời sự")
    page.frame_locator(".cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Sáng nay, hội nghị tổng kết đã diễn ra tại hội trường.")
    page.fill("#id_tags", "Mặt")
    wait_for_js(
        page,
        "document.querySelector('#id_tags-suggestions option')"
        " && document.querySelector('#id_tags-suggestions option').value"
        " === 'Mặt trận Tổ quốc, '",
    )
    page.fill("#id_tags", "Mặt trận Tổ quốc, cuộc vận động")
    page.set_input_files("#id_attachments-0-file", str(pdf))
    page.fill("#id_attachments-0-title", "Kế hoạch tổ chức hội nghị")
    shot(page, artifacts_dir, "2-article-form", full_page=True)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(created_by=reporter)
    assert article.created_by == reporter
    assert sorted(t.name for t in article.tags.all()) == [
        "Mặt trận Tổ quốc",
        "cuộc vận động",
    ]
    attachment = article.attachments.get()
    assert (attachment.kind, attachment.title) == ("pdf", "Kế hoạch tổ chức hội nghị")
    # The field shows the tags without quotes.
    assert page.input_value("#id_tags") == "cuộc vận động, Mặt trận Tổ quốc"
    shot(page, artifacts_dir, "3-article-saved")

    # 3. Saving again without a change leaves the article and its history alone.
    versions = Version.objects.get_for_object(article).count()
    entries = LogEntry.objects.filter(object_id=str(article.pk)).count()
    updated = article.updated
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert Version.objects.get_for_object(article).count() == versions == 1
    assert LogEntry.objects.filter(object_id=str(article.pk)).count() == entries
    assert article.updated == updated
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/history/")
    assert page.locator(".revision-row").count() == 1
    shot(page, artifacts_dir, "4-history")

    # 4. The preview on the site lists the attachment and opens the PDF in the
    # browser's own viewer, under a strict policy on the article page.
    def with_policy(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        route.fulfill(response=response, headers=headers)

    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(message.text)
        ),
    )
    page.route(live_server.url + article.get_absolute_url(), with_policy)
    page.goto(live_server.url + article.get_absolute_url())
    link = page.locator(".attachment-link")
    assert link.inner_text() == "Kế hoạch tổ chức hội nghị"
    assert page.locator(".attachment-meta").inner_text() == (
        f"(PDF, {len(PDF_BYTES)}\xa0byte)"
    )
    preview = page.locator(".attachment-preview iframe")
    preview.scroll_into_view_if_needed()
    wait_for_js(
        page,
        """() => {
            const frame = document.querySelector('.attachment-preview iframe');
            return frame && frame.getBoundingClientRect().height > 300;
        }""",
    )
    viewer = None
    for _ in range(40):
        viewer = next(
            (f for f in page.frames if f.url.startswith("chrome-extension://")), None
        )
        if viewer:
            break
        page.wait_for_timeout(250)
    assert viewer is not None, [f.url for f in page.frames]
    assert viewer.parent_frame.url.endswith(f"/tai-lieu/{attachment.pk}/xem/")
    page.wait_for_timeout(500)
    page.locator(".attachments").screenshot(
        path=os.path.join(artifacts_dir, "editor-round-5-attachment-preview.png")
    )
    assert [v for v in violations if "frame" in v or "tai-lieu" in v] == []

    # The download link gives the file under its title.
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "Kế hoạch tổ chức hội nghị.pdf"
    assert open(download.value.path(), "rb").read() == PDF_BYTES
    context.close()
