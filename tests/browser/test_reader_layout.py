"""What only a browser shows on list pages: thumbnail sizes at both widths."""

import pytest

from tests.browser.waiting import wait_for_js
from tests.factories import image_upload, make_article, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHORT = "Họp báo"
LONG = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức hội nghị tổng kết công tác "
    "thi đua, khen thưởng năm 2023 và triển khai nhiệm vụ trọng tâm năm 2024 "
    "với sự tham dự của đại biểu các huyện, thị xã, thành phố"
)


def _thumb_boxes(page):
    """(width, height) of every list thumbnail, once every image has loaded."""
    for img in page.locator(".item-thumb img").all():
        img.scroll_into_view_if_needed()  # lazy images load when near the screen
    wait_for_js(
        page,
        "[...document.querySelectorAll('.item-thumb img')]"
        ".every(img => img.complete && img.naturalWidth > 0)",
    )
    return page.locator(".item-thumb img").evaluate_all(
        "imgs => imgs.map(img => [img.getBoundingClientRect().width,"
        " img.getBoundingClientRect().height])"
    )


@pytest.mark.parametrize(("viewport", "width"), [(1280, 160), (390, 110)])
def test_list_thumbnails_keep_one_size_whatever_the_title(
    live_server, page, artifacts_dir, viewport, width
):
    category = make_category(name="Hoạt động", show_on_home=True)
    for title in (SHORT, LONG, SHORT + " lần hai", LONG + " lần hai"):
        make_article(
            title=title,
            category=category,
            summary="Tóm tắt. " * 30,
            image=image_upload("anh.jpg", size=(900, 600)),
        )
    page.set_viewport_size({"width": viewport, "height": 900})
    for url in ("/", category.get_absolute_url()):
        page.goto(live_server.url + url)
        boxes = _thumb_boxes(page)
        assert len(boxes) >= 4
        for box_width, box_height in boxes:
            assert box_width == pytest.approx(width, abs=0.5)
            # 3:2, the rendition's own ratio: nothing is squashed.
            assert box_height == pytest.approx(width * 2 / 3, abs=0.5)
        name = "home" if url == "/" else "category"
        page.screenshot(
            path=f"{artifacts_dir}/thumbnails-{name}-{viewport}.png", full_page=True
        )


@pytest.fixture
def phone(browser):
    """A 390 px touch phone."""
    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def menu_categories():
    parent = make_category(name="Hoạt động", slug="hoat-dong", order=1)
    child = make_category(name="Thi đua", slug="thi-dua", parent=parent)
    make_category(name="Tin tức", slug="tin-tuc-chung", order=2)
    return parent, child


def _menu(page):
    return page.get_by_role("navigation", name="Chuyên mục")


def test_on_a_phone_the_menu_and_its_sub_categories_open_by_tap(
    live_server, phone, menu_categories, artifacts_dir
):
    parent, child = menu_categories
    phone.goto(live_server.url + "/")
    menu = _menu(phone)
    toggle = menu.get_by_role("button", name="Chuyên mục", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert menu.get_by_role("link", name="Hoạt động").is_hidden()

    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Hoạt động").is_visible()
    sub = menu.get_by_role("link", name="Thi đua")
    assert sub.is_hidden()
    opener = menu.get_by_role("button", name="Chuyên mục con của Hoạt động")
    box = opener.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44  # a thumb-sized target
    opener.tap()
    assert opener.get_attribute("aria-expanded") == "true"
    assert sub.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    phone.screenshot(path=f"{artifacts_dir}/menu-phone-open.png")
    opener.tap()
    assert sub.is_hidden()
    opener.tap()
    sub.tap()
    phone.wait_for_url(f"**{child.get_absolute_url()}")
    assert phone.locator("h1").inner_text() == "Thi đua"


def test_the_menu_works_by_keyboard_on_a_desktop(
    live_server, page, menu_categories, artifacts_dir
):
    parent, child = menu_categories
    page.goto(live_server.url + "/")
    menu = _menu(page)
    # On a desktop the menu is always shown; there is no menu button.
    assert menu.get_by_role("button", name="Chuyên mục", exact=True).is_hidden()
    sub = menu.get_by_role("link", name="Thi đua")
    menu.get_by_role("link", name="Hoạt động").focus()
    assert sub.is_hidden()
    page.keyboard.press("Tab")
    opener = menu.get_by_role("button", name="Chuyên mục con của Hoạt động")
    assert page.evaluate("document.activeElement.dataset.submenuToggle") == ""
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    assert sub.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Thi đua"
    page.screenshot(path=f"{artifacts_dir}/menu-desktop-keyboard.png")
    page.keyboard.press("Escape")
    assert sub.is_hidden()
    assert opener.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.submenuToggle") == ""
    page.keyboard.press("Space")
    assert sub.is_visible()
    # Leaving the sub-menu with the keyboard closes it.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert sub.is_hidden()
    # A click elsewhere closes an open sub-menu too.
    opener.click()
    assert sub.is_visible()
    page.locator("main h2").first.click()
    assert sub.is_hidden()
    opener.click()
    sub.click()
    page.wait_for_url(f"**{child.get_absolute_url()}")


def test_the_menu_works_by_keyboard_on_a_phone(live_server, phone, menu_categories):
    parent, child = menu_categories
    phone.goto(live_server.url + "/")
    menu = _menu(phone)
    toggle = menu.get_by_role("button", name="Chuyên mục", exact=True)
    toggle.focus()
    phone.keyboard.press("Enter")
    assert menu.get_by_role("link", name="Trang chủ").is_visible()
    phone.keyboard.press("Tab")  # Trang chủ
    phone.keyboard.press("Tab")  # Hoạt động
    phone.keyboard.press("Tab")  # its sub-menu button
    phone.keyboard.press("Enter")
    sub = menu.get_by_role("link", name="Thi đua")
    assert sub.is_visible()
    phone.keyboard.press("Escape")  # closes the sub-menu first
    assert sub.is_hidden()
    phone.keyboard.press("Escape")  # then the menu, focus back on its button
    assert menu.get_by_role("link", name="Trang chủ").is_hidden()
    assert phone.evaluate("document.activeElement.dataset.menuToggle") == ""


@pytest.mark.parametrize("width", [1280, 390])
def test_without_javascript_every_sub_category_can_be_reached(
    live_server, browser, menu_categories, width
):
    parent, child = menu_categories
    context = browser.new_context(
        java_script_enabled=False,
        locale="vi-VN",
        viewport={"width": width, "height": 844},
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + "/")
        menu = _menu(page)
        assert menu.get_by_role("button").count() == 0  # the buttons need JavaScript
        sub = menu.get_by_role("link", name="Thi đua")
        if width == 390:
            assert sub.is_visible()  # listed under its parent
        else:
            assert sub.is_hidden()
            menu.get_by_role("link", name="Hoạt động").focus()  # opens it
            assert sub.is_visible()
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Thi đua"
        sub.click()
        page.wait_for_url(f"**{child.get_absolute_url()}")
    finally:
        context.close()


def test_a_reader_writes_to_a_department_from_a_phone(
    live_server, phone, settings, mailoutbox, artifacts_dir
):
    from portal.contact.models import ContactMessage, Department

    settings.COMMENTS_MIN_FORM_SECONDS = 0  # the browser types faster than people
    Department.objects.create(name="Văn phòng", emails="vp@example.org")
    Department.objects.create(name="Ban biên tập", emails="bbt@example.org")
    phone.goto(live_server.url + "/lien-he/")
    form = phone.locator("form.contact-form")
    honeypot = form.locator("input[name=website]").bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0  # off screen, for bots only
    phone.get_by_label("Họ và tên").fill("Lê Thị Mai")
    phone.get_by_label("Email").fill("mai@example.org")
    phone.get_by_label("Tiêu đề").fill("Xin lịch tiếp công dân")
    phone.get_by_label("Gửi tới bộ phận").select_option(label="Ban biên tập")
    phone.get_by_label("Nội dung").fill("Xin cho biết lịch tiếp công dân tháng này.")
    # A phone number in letters is refused next to its field, nothing is lost.
    phone.get_by_label("Điện thoại").fill("không có")
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    phone.get_by_role("button", name="Gửi thư").tap()
    phone.get_by_role("alert").wait_for()
    assert "Số điện thoại không hợp lệ" in form.inner_text()
    assert phone.get_by_label("Tiêu đề").input_value() == "Xin lịch tiếp công dân"
    phone.screenshot(path=f"{artifacts_dir}/contact-refused-phone.png", full_page=True)
    phone.get_by_label("Điện thoại").fill("0912 345 678")
    phone.get_by_role("button", name="Gửi thư").tap()
    phone.wait_for_url("**/lien-he/da-gui/")
    assert "Chúng tôi đã nhận được thư của bạn" in phone.locator("main").inner_text()
    phone.screenshot(path=f"{artifacts_dir}/contact-sent-phone.png")
    message = ContactMessage.objects.get()
    assert message.department.name == "Ban biên tập"
    assert message.delivery == ContactMessage.Delivery.SENT
    assert mailoutbox[0].to == ["bbt@example.org"]
