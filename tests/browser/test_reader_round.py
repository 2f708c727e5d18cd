"""The reader's round on a 390 px phone, as issue 12 asks: the menu, a
sub-category, its pagination, an article, a comment refused then accepted.
Screenshots of each step go to var/artifacts/reader-round-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from portal.models import SiteSettings
from tests.factories import image_upload, make_article, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SUB = "Thi đua - Khen thưởng"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script: {error}"))
    # Failed GETs (a missing icon, script, image); the refused POST is on purpose.
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.method == "GET"
            and problems.append(f"{response.status} {response.url}")
        ),
    )
    page.problems = problems
    yield page
    context.close()


@pytest.fixture
def newsroom(settings):
    settings.COMMENTS_MIN_FORM_SECONDS = 3  # as in production: the browser is quicker
    settings.COMMENTS_RATE_LIMITS = "100/30"
    site = SiteSettings.load()
    site.comment_moderation = "none"
    site.save()
    parent = make_category(name="Hoạt động", slug="hoat-dong", order=1)
    child = make_category(name=SUB, slug="thi-dua-khen-thuong", parent=parent)
    make_category(name="Tin tức", slug="tin-tuc-chung", order=2)
    start = timezone.now() - timedelta(days=3)
    for i in range(25):
        make_article(
            title=f"Hội nghị thi đua khối cơ quan lần thứ {i + 1}"
            + (" với đại biểu các huyện, thị xã và thành phố" if i % 3 else ""),
            category=child,
            publish_at=start + timedelta(hours=i),
            image=image_upload(f"anh-{i}.jpg", size=(600, 400)) if i % 2 else None,
        )
    return child


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")


def test_the_readers_round_on_a_phone(live_server, phone, newsroom, artifacts_dir):
    shot = f"{artifacts_dir}/reader-round-{{}}.png"
    phone.goto(live_server.url + "/")
    assert _fits(phone)
    phone.screenshot(path=shot.format("1-home"))

    # The menu opens by tap, and so does the parent's list of sub-categories.
    menu = phone.get_by_role("navigation", name="Chuyên mục")
    menu.get_by_role("button", name="Chuyên mục", exact=True).tap()
    menu.get_by_role("button", name="Chuyên mục con của Hoạt động").tap()
    sub_link = menu.get_by_role("link", name=SUB)
    assert sub_link.is_visible()
    phone.screenshot(path=shot.format("2-menu"))
    sub_link.tap()
    phone.wait_for_url(f"**{newsroom.get_absolute_url()}")

    # The sub-category: 20 articles, even thumbnails, and numbered pages.
    assert phone.locator("h1").inner_text() == SUB
    assert phone.locator(".article-list .item").count() == 20
    widths = phone.locator(".item-thumb img").evaluate_all(
        "imgs => imgs.map(img => img.getBoundingClientRect().width)"
    )
    assert widths and all(abs(w - 110) < 0.5 for w in widths)
    pages = phone.get_by_role("navigation", name="Phân trang")
    assert pages.locator('[aria-current="page"]').inner_text() == "1"
    assert _fits(phone)
    pages.scroll_into_view_if_needed()
    phone.screenshot(path=shot.format("3-sub-category"), full_page=True)
    pages.get_by_role("link", name="Trang 2").tap()
    phone.wait_for_url("**?page=2")
    pages = phone.get_by_role("navigation", name="Phân trang")
    assert pages.locator('[aria-current="page"]').inner_text() == "2"
    items = phone.locator(".article-list .item")
    assert items.count() == 5
    phone.screenshot(path=shot.format("4-page-2"), full_page=True)

    # An article.
    first = items.first.locator(".item-title a")
    title = first.inner_text()
    first.tap()
    phone.wait_for_selector("h1.article-title")
    assert phone.locator("h1").inner_text() == title
    assert _fits(phone)
    phone.screenshot(path=shot.format("5-article"))

    # A comment sent at once is refused, and says why next to the form; the same
    # text goes through a moment later, without a reload or retyping.
    phone.evaluate("window.__sameDocument = 'yes'")
    phone.fill("#id_name", "Nguyễn Văn Bình")
    phone.fill("#id_email", "binh@example.org")
    phone.fill("#id_text", "Xin chúc mừng các tập thể được khen thưởng.")
    send = phone.get_by_role("button", name="Gửi bình luận")
    send.tap()
    status = phone.locator("[data-comment-status]")
    status.filter(has_text="quá nhanh").wait_for()
    assert status.inner_text().startswith(
        "Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng đợi"
    )
    assert status.is_visible()  # scrolled into view, next to the form
    assert not Comment.objects.exists()
    phone.screenshot(path=shot.format("6-comment-refused"))
    phone.wait_for_timeout(3100)
    send.tap()
    status.filter(has_text="đã được đăng").wait_for()
    comment = phone.locator(".comment-list > .comment")
    assert "Xin chúc mừng các tập thể" in comment.inner_text()
    assert phone.evaluate("window.__sameDocument") == "yes"
    assert Comment.objects.get().text == "Xin chúc mừng các tập thể được khen thưởng."
    comment.scroll_into_view_if_needed()
    phone.screenshot(path=shot.format("7-comment-accepted"))

    # No script error and no failed request on the way (the site icon included).
    assert phone.problems == []
