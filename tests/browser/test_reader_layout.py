"""What only a browser shows on list pages: thumbnail sizes at both widths."""

import pytest

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
    page.wait_for_function(
        "[...document.querySelectorAll('.item-thumb img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
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
