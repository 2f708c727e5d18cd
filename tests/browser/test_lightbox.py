"""The album lightbox: keyboard, phone and no-JavaScript behaviour in Chromium."""

import pytest
from playwright.sync_api import expect

from tests.browser.waiting import wait_for_js
from tests.factories import make_album

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

ACTIVE_HREF = "document.activeElement && document.activeElement.getAttribute('href')"


def focus_returns_to(page, link):
    """Wait (briefly) until the keyboard focus is on ``link``: the dialog hands it
    back when its close event has run, which may be after the key press returns."""
    href = link.get_attribute("href")
    wait_for_js(
        page, f"() => ({ACTIVE_HREF}) === {href!r}".replace("'", '"'), timeout=5000
    )
    assert page.evaluate(ACTIVE_HREF) == href


def album_with_photos():
    album = make_album(title="Ngày hội Đại đoàn kết toàn dân tộc", photos=3)
    captions = list(album.photos.values_list("caption", flat=True))
    return album, captions


def test_lightbox_opens_moves_and_closes_with_the_keyboard(
    live_server, page, artifacts_dir
):
    album, captions = album_with_photos()
    page.goto(live_server.url + album.get_absolute_url())
    dialog = page.locator("dialog.lightbox")
    links = page.locator("a.photo-link")
    assert links.count() == 3
    expect(dialog).to_be_hidden()

    links.first.focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-label") == "Xem ảnh"
    expect(page.locator(".lightbox-caption")).to_have_text(captions[0])
    expect(page.locator(".lightbox-counter")).to_have_text("Ảnh 1/3")
    # Focus moves into the dialog, on the close button.
    assert page.evaluate("document.activeElement.className") == "lightbox-close"
    # The large picture loads after the dialog opens: wait for it (a broken or
    # missing file never gets a natural width, so this still fails on one).
    wait_for_js(
        page,
        "() => { const img = document.querySelector('.lightbox-image');"
        " return img && img.complete && img.naturalWidth > 0; }",
    )
    page.screenshot(path=f"{artifacts_dir}/lightbox-desktop.png")

    page.keyboard.press("ArrowRight")
    expect(page.locator(".lightbox-caption")).to_have_text(captions[1])
    expect(page.locator(".lightbox-counter")).to_have_text("Ảnh 2/3")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # wraps round to the last picture
    expect(page.locator(".lightbox-caption")).to_have_text(captions[2])
    assert page.locator(".lightbox-image").get_attribute("alt") == captions[2]

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # Focus is back on the thumbnail of the picture last shown.
    focus_returns_to(page, links.nth(2))

    # Enter on another thumbnail opens at that picture; Escape returns there.
    links.nth(1).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".lightbox-counter")).to_have_text("Ảnh 2/3")
    page.keyboard.press("Escape")
    focus_returns_to(page, links.nth(1))


def test_lightbox_works_with_taps_and_swipes_on_a_phone(
    live_server, browser, artifacts_dir
):
    album, captions = album_with_photos()
    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + album.get_absolute_url())
        page.locator("a.photo-link").first.tap()
        dialog = page.locator("dialog.lightbox")
        expect(dialog).to_be_visible()
        for name in ("Ảnh trước", "Ảnh sau", "Đóng"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, name
            assert box["y"] >= 0 and box["y"] + box["height"] <= 844, name
            assert box["width"] >= 44 and box["height"] >= 44, name  # tap target
        page.screenshot(path=f"{artifacts_dir}/lightbox-phone.png")

        page.get_by_role("button", name="Ảnh sau").tap()
        expect(page.locator(".lightbox-caption")).to_have_text(captions[1])

        # A swipe to the left shows the next picture, to the right the previous.
        swipe = """([fromX, toX]) => {
          const dialog = document.querySelector('dialog.lightbox');
          const touch = (x) => new Touch({identifier: 1, target: dialog, clientX: x, clientY: 400});
          dialog.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [touch(fromX)], touches: [touch(fromX)], bubbles: true}));
          dialog.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(toX)], touches: [], bubbles: true}));
        }"""
        page.evaluate(swipe, [300, 80])
        expect(page.locator(".lightbox-caption")).to_have_text(captions[2])
        page.evaluate(swipe, [80, 300])
        expect(page.locator(".lightbox-caption")).to_have_text(captions[1])

        page.get_by_role("button", name="Đóng").tap()
        expect(dialog).to_be_hidden()
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth + 1"
        )
    finally:
        context.close()


def test_without_javascript_thumbnails_are_plain_links_to_the_large_picture(
    live_server, browser
):
    album, _captions = album_with_photos()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + album.get_absolute_url())
        href = page.locator("a.photo-link").first.get_attribute("href")
        assert "/media/renditions/photo/" in href
        page.locator("a.photo-link").first.click()
        page.wait_for_url(f"**{href}")
        assert page.locator("dialog").count() == 0
    finally:
        context.close()
