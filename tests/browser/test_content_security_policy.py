"""Every page type under its Content-Security-Policy in Chromium: nothing refused.

Chromium reports each refused script, style, image or connection both as a
``securitypolicyviolation`` event (in the page and in CKEditor's frame) and as a
console error; both are collected, and a page passes only when there are none.
"""

import pytest
from django.urls import reverse

from news.models import Article
from tests.browser.waiting import wait_for_js
from tests.factories import (
    image_upload,
    make_album,
    make_article,
    make_category,
    make_comment,
    make_user,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolation(
    [event.violatedDirective, event.blockedURI, event.sample].join(" | ")
  );
});
"""


def directives(header):
    """A Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.fixture
def violations(page):
    """What Chromium refused on the pages ``page`` opens, as text lines."""
    found = []
    page.expose_function("cspViolation", lambda text: found.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


@pytest.fixture
def site_content():
    category = make_category(name="Thời sự", show_on_home=True)
    article = make_article(
        title="Hội nghị tổng kết công tác năm",
        category=category,
        image=image_upload("hoi-nghi.jpg", size=(1200, 800)),
        image_caption="Quang cảnh hội nghị",
        body=(
            '<p style="text-align:center">Đoạn căn giữa.</p>'
            '<p style="margin-left:40px">Đoạn thụt lề.</p>'
            '<figure class="image" style="float:right">'
            '<img alt="Ảnh" src="/static/admin/img/icon-yes.svg" width="40" height="40">'
            "<figcaption>Chú thích</figcaption></figure>"
            '<table style="width:500px"><tbody><tr><td>Ô</td></tr></tbody></table>'
        ),
        tags=["tổng kết"],
        featured=True,
    )
    make_article(title="Tin cũ hơn", category=category)
    make_comment(article=article, text="Ý kiến đã duyệt.")
    album = make_album(title="Ảnh hội nghị", photos=2)
    return article, album


def public_urls(article, album):
    return [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("news:tag", args=[article.tags.first().slug]),
        reverse("news:search") + "?q=hội+nghị",
        reverse("news:article-print", args=[article.pk]),
        reverse("gallery:albums"),
        album.get_absolute_url(),
        reverse("contact"),
        "/khong-co-trang-nay/",
    ]


def test_public_pages_send_a_strict_policy_and_chromium_refuses_nothing(
    live_server, page, violations, site_content
):
    article, album = site_content
    for url in public_urls(article, album):
        response = page.goto(live_server.url + url)
        policy = directives(response.header_value("content-security-policy"))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        page.wait_for_load_state("load")
        assert violations == [], url

    # What readers do with JavaScript: rate, open a photo in the lightbox.
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator('script[type="application/ld+json"]').count() == 1
    page.locator(".rating-stars label").nth(3).click()
    page.wait_for_timeout(500)
    # The article's layout survives without inline styles: the text is centred.
    align = page.locator(".article-body p.text-center").evaluate(
        "p => getComputedStyle(p).textAlign"
    )
    assert align == "center"
    float_ = page.locator(".article-body figure.image-right").evaluate(
        "f => getComputedStyle(f).float"
    )
    assert float_ == "right"
    page.goto(live_server.url + album.get_absolute_url())
    page.locator(".photo-grid a").first.click()
    page.wait_for_timeout(500)
    assert violations == []


def test_the_keep_alive_banner_of_signed_in_staff_breaks_no_policy(
    live_server, page, violations, settings, site_content
):
    settings.SESSION_IDLE_TIMEOUT = 6
    settings.SESSION_WARNING_SECONDS = 4
    article, _album = site_content
    make_user("bientap", role="Thư ký tòa soạn")
    log_in(page, live_server, "bientap", article.get_absolute_url())
    page.wait_for_selector("#keepalive:not([hidden])", timeout=8_000)
    assert page.locator("#keepalive").evaluate(
        "el => getComputedStyle(el).position"
    ) == ("fixed")
    assert violations == []


def log_in(page, live_server, username, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-thu-1")
    page.click("input[type=submit]")
    page.wait_for_load_state("load")


def test_admin_pages_editors_use_work_under_their_policy(
    live_server, page, violations, site_content
):
    article, album = site_content
    make_user("quantri", role="Quản trị viên", is_superuser=True)
    response = page.goto(live_server.url + "/admin/login/")
    policy = directives(response.header_value("content-security-policy"))
    assert policy["script-src"] == ["'self'"]
    log_in(page, live_server, "quantri", "/admin/")
    for url in [
        "/admin/",
        reverse("admin:news_article_changelist"),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:gallery_album_change", args=[album.pk]),
        reverse("admin:portal_banner_add"),
        reverse("admin:stats_dailytraffic_changelist") + "?range=30",
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:news_article_history", args=[article.pk]),
    ]:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        policy = directives(response.header_value("content-security-policy"))
        assert policy["script-src"] == ["'self'"], url
        page.wait_for_load_state("load")
        assert violations == [], url


def test_the_article_editor_works_under_the_editor_policy(
    live_server, page, violations, site_content
):
    article, _album = site_content
    make_user("quantri", role="Quản trị viên", is_superuser=True)
    url = reverse("admin:news_article_change", args=[article.pk])
    log_in(page, live_server, "quantri", url)
    wait_for_js(
        page,
        "window.CKEDITOR && Object.values(CKEDITOR.instances).some("
        "e => e.status === 'ready')",
    )
    page.fill("#id_title", "Bài viết căn phải")
    frame = page.frame_locator("iframe.cke_wysiwyg_frame")
    frame.locator("body").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Đoạn văn căn phải")
    page.keyboard.press("Control+A")
    page.click("a.cke_button__bold")
    page.click("a.cke_button__justifyright")
    for dialog in ("table", "image"):
        page.click(f"a.cke_button__{dialog}")
        page.wait_for_selector(".cke_dialog >> visible=true")
        page.click(".cke_dialog >> visible=true >> a.cke_dialog_ui_button_cancel")
        page.wait_for_selector(".cke_dialog >> visible=true", state="detached")
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist")
    saved = Article.objects.get(title="Bài viết căn phải")
    assert '<p class="text-right"><strong>' in saved.body
    assert "style=" not in saved.body
    assert violations == []


def test_the_editor_policy_is_only_on_pages_with_the_editor(client, site_content):
    article, _album = site_content
    client.force_login(make_user(is_staff=True, is_superuser=True))
    editor = client.get(reverse("admin:news_article_change", args=[article.pk]))
    listing = client.get(reverse("admin:news_article_changelist"))
    editor_policy = directives(editor["Content-Security-Policy"])
    assert editor_policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert editor_policy["frame-ancestors"] == ["'none'"]
    assert directives(listing["Content-Security-Policy"])["script-src"] == ["'self'"]
