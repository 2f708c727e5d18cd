"""Comments as readers and moderators use them in Chromium."""

import pytest

from comments.models import Comment
from portal.models import SiteSettings
from tests.factories import make_article, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture(autouse=True)
def _quick_forms(settings):
    # A person takes more than 3 s to write; the browser here does not.
    settings.COMMENTS_MIN_FORM_SECONDS = 0
    settings.COMMENTS_RATE_LIMITS = "100/30"


def _set_moderation(policy):
    site = SiteSettings.load()
    site.comment_moderation = policy
    site.save()


def _fill(page, *, name, text):
    page.fill("#id_name", name)
    page.fill("#id_email", "ban-doc@example.org")
    page.fill("#id_text", text)


def test_without_moderation_a_comment_appears_without_a_reload(
    live_server, page, artifacts_dir
):
    _set_moderation("none")
    article = make_article(title="Bài để bình luận")
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__sameDocument = 'yes'")
    assert page.locator("[data-comment-count]").inner_text() == "0"

    _fill(page, name="Nguyễn Văn An", text="Bài viết rất bổ ích.\nCảm ơn tòa soạn.")
    page.get_by_role("button", name="Gửi bình luận").click()
    comment = page.locator(".comment-list > .comment").first
    comment.wait_for()
    assert "Bài viết rất bổ ích." in comment.locator(".comment-text").inner_text()
    assert page.locator("[data-comment-status]").inner_text() == (
        "Bình luận của bạn đã được đăng."
    )
    assert page.locator("[data-comment-count]").inner_text() == "1"
    assert page.input_value("#id_text") == ""
    assert page.evaluate("window.__sameDocument") == "yes"  # no reload happened

    # A reply goes under its comment, still without a reload.
    comment.get_by_role("link", name="Trả lời").click()
    assert page.locator("[data-replying-name]").inner_text() == "Nguyễn Văn An"
    _fill(page, name="Trần Thị Bình", text="Tôi cũng thấy vậy.")
    page.get_by_role("button", name="Gửi bình luận").click()
    reply = comment.locator(".comment-replies > .comment")
    reply.wait_for()
    assert "Tôi cũng thấy vậy." in reply.inner_text()
    assert page.locator("[data-comment-count]").inner_text() == "2"
    assert page.evaluate("window.__sameDocument") == "yes"
    page.screenshot(path=f"{artifacts_dir}/comments-posted.png", full_page=True)

    stored = Comment.objects.order_by("id")
    assert [c.state for c in stored] == ["approved", "approved"]
    assert stored[1].parent_id == stored[0].pk


def test_a_guest_sees_the_moderation_notice_in_place(live_server, page):
    _set_moderation("guests")
    article = make_article()
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__sameDocument = 'yes'")
    _fill(page, name="Khách", text="Ý kiến của khách.")
    page.get_by_role("button", name="Gửi bình luận").click()
    status = page.locator("[data-comment-status]")
    status.filter(has_text="đang chờ kiểm duyệt").wait_for()
    assert status.inner_text() == "Bình luận của bạn đang chờ kiểm duyệt"
    assert page.locator(".comment-list > .comment").count() == 0
    assert page.locator("[data-comment-count]").inner_text() == "0"
    assert page.evaluate("window.__sameDocument") == "yes"
    assert Comment.objects.get().state == Comment.State.WAITING


def test_a_comment_approved_in_the_admin_shows_on_the_article(live_server, page):
    _set_moderation("guests")
    article = make_article()
    page.goto(live_server.url + article.get_absolute_url())
    _fill(page, name="Bạn đọc chờ duyệt", text="Mong được duyệt.")
    page.get_by_role("button", name="Gửi bình luận").click()
    page.locator("[data-comment-status]").filter(has_text="chờ kiểm duyệt").wait_for()

    make_user("thuky", role="Thư ký tòa soạn")
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "thuky")
    page.fill("#id_password", "mat-khau-thu-1")
    page.click("input[type=submit]")
    page.get_by_role("link", name="1 bình luận chờ duyệt").click()
    page.get_by_role("link", name="Mong được duyệt.").wait_for()
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", "approve")
    page.click("button[name=index]")
    page.locator(".messagelist").filter(has_text="Đã duyệt 1 bình luận.").wait_for()

    page.goto(live_server.url + article.get_absolute_url())
    comment = page.locator(".comment-list > .comment")
    assert comment.count() == 1
    assert "Mong được duyệt." in comment.inner_text()
    assert "Bạn đọc chờ duyệt" in comment.inner_text()
    assert page.locator("[data-comment-count]").inner_text() == "1"


def test_posting_works_with_javascript_off(live_server, browser):
    _set_moderation("none")
    article = make_article()
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + article.get_absolute_url())
        _fill(page, name="Không dùng JavaScript", text="Gửi theo cách cũ.")
        page.get_by_role("button", name="Gửi bình luận").click()
        page.wait_for_url("**#comment-*")
        comment = Comment.objects.get()
        assert page.url.endswith(f"?cpage=1#comment-{comment.pk}")
        assert (
            "Gửi theo cách cũ." in page.locator(f"#comment-{comment.pk}").inner_text()
        )
    finally:
        context.close()


def _send(page):
    page.get_by_role("button", name="Gửi bình luận").click()


def _status(page, has_text):
    status = page.locator("[data-comment-status]")
    status.filter(has_text=has_text).wait_for()
    return status.inner_text()


def test_refusals_say_why_next_to_the_form_and_the_text_can_be_sent_again(
    live_server, page, settings, artifacts_dir
):
    """Too soon, expired, rate limit, links, banned words, closed: each says
    why in the form's status line; nothing typed is lost."""
    from portal.models import BannedWord

    _set_moderation("none")
    settings.COMMENTS_MIN_FORM_SECONDS = 3  # the browser sends sooner than that
    article = make_article()
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__sameDocument = 'yes'")
    _fill(page, name="Bạn đọc vội", text="Gửi ngay khi mở trang.")
    _send(page)
    message = _status(page, "quá nhanh")
    assert message.startswith("Biểu mẫu được gửi quá nhanh sau khi mở trang.")
    assert "Vui lòng sửa các lỗi" not in message
    assert page.input_value("#id_text") == "Gửi ngay khi mở trang."
    page.screenshot(path=f"{artifacts_dir}/comments-refused-too-fast.png")
    page.wait_for_timeout(3100)
    _send(page)  # the same text, not retyped
    assert _status(page, "đã được đăng") == "Bình luận của bạn đã được đăng."
    assert Comment.objects.get().text == "Gửi ngay khi mở trang."

    # An expired form: the refusal renews it and the text goes as it is.
    # Stamps count whole seconds: 3 s leaves the renewed stamp time to arrive
    # on a busy machine, 4 s of waiting outlives the first one.
    settings.COMMENTS_MIN_FORM_SECONDS = 0
    settings.COMMENTS_MAX_FORM_SECONDS = 3
    page.reload()
    page.evaluate("window.__sameDocument = 'yes'")
    _fill(page, name="Bạn đọc chậm", text="Viết rất lâu.")
    page.wait_for_timeout(4100)
    _send(page)
    assert _status(page, "hết hạn").startswith(
        "Trang đã mở quá lâu nên biểu mẫu hết hạn."
    )
    assert page.input_value("#id_text") == "Viết rất lâu."
    _send(page)
    assert _status(page, "đã được đăng") == "Bình luận của bạn đã được đăng."
    settings.COMMENTS_MAX_FORM_SECONDS = 3600

    # Links and banned words: the comment waits, and the reader is told why.
    BannedWord.objects.create(word="cá độ")
    _fill(page, name="A", text="https://a.example https://b.example https://c.example")
    _send(page)
    assert "hơn 2 liên kết" in _status(page, "liên kết")
    _fill(page, name="B", text="Rủ nhau cá độ bóng đá.")
    _send(page)
    assert "từ ngữ cần Ban biên tập" in _status(page, "từ ngữ")

    # Rate limit.
    settings.COMMENTS_RATE_LIMITS = "1/3600"
    _fill(page, name="C", text="Một lần nữa.")
    _send(page)
    _status(page, "đã được đăng")
    _fill(page, name="C", text="Lần thứ hai trong giờ.")
    _send(page)
    assert _status(page, "quá nhiều").startswith("Bạn gửi bình luận quá nhiều.")
    assert page.input_value("#id_text") == "Lần thứ hai trong giờ."

    # Comments closed while the page was open.
    settings.COMMENTS_RATE_LIMITS = "100/30"
    article.allow_comments = False
    article.save()
    _send(page)
    assert _status(page, "không nhận") == "Bài viết này không nhận bình luận."
    assert page.evaluate("window.__sameDocument") == "yes"


def test_without_javascript_a_refusal_shows_why_and_the_form_sends_again(
    live_server, browser, settings
):
    _set_moderation("none")
    settings.COMMENTS_MIN_FORM_SECONDS = 3  # the browser sends sooner than that
    article = make_article()
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + article.get_absolute_url())
        _fill(page, name="Không JavaScript", text="Gửi vội.")
        _send(page)
        alert = page.get_by_role("alert")
        assert alert.inner_text().startswith(
            "Biểu mẫu được gửi quá nhanh sau khi mở trang."
        )
        assert page.input_value("#id_text") == "Gửi vội."
        page.wait_for_timeout(3100)
        _send(page)
        page.wait_for_url("**#comment-*")
        assert Comment.objects.get().text == "Gửi vội."
    finally:
        context.close()
