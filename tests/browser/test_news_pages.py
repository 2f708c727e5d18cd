"""What only a browser shows: the layout and the date line as a reader sees them."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import image_upload, make_article, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
TITLE = (
    "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
    "khen thưởng năm 2023"
)


def test_home_and_article_pages_render_in_chromium(live_server, page, artifacts_dir):
    category = make_category(name="Thi đua - Khen thưởng", show_on_home=True)
    article = make_article(
        title=TITLE,
        category=category,
        publish_at=datetime(2024, 1, 12, 2, 2, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        image=image_upload("hoi-nghi.jpg", size=(1200, 800)),
        image_caption="Quang cảnh hội nghị",
        source="Ban Thi đua",
        tags=["thi đua"],
        featured=True,
    )
    make_article(title="Tin mới hơn cùng chuyên mục", category=category)

    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")

    assert page.locator("h1").inner_text() == TITLE
    assert (
        page.locator(".article-dateline").inner_text() == "Thứ sáu - 12/01/2024 02:02"
    )
    assert (
        page.locator(".article-image figcaption").inner_text() == "Quang cảnh hội nghị"
    )
    assert page.locator(".article-image img").evaluate("img => img.naturalWidth") > 0
    assert "Nguồn tin: Ban Thi đua" in page.locator(".article-source").inner_text()
    assert page.get_by_role("heading", name="Những tin mới hơn").is_visible()

    # Two columns on a desktop: the side column sits to the right of the article.
    main_box = page.locator("main").bounding_box()
    side_box = page.locator("aside.sidebar").bounding_box()
    assert side_box["x"] >= main_box["x"] + main_box["width"]
    page.screenshot(path=f"{artifacts_dir}/article-desktop.png", full_page=True)

    # One column on a phone, without horizontal scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )
    side_box = page.locator("aside.sidebar").bounding_box()
    main_box = page.locator("main").bounding_box()
    assert side_box["y"] >= main_box["y"] + main_box["height"]
    page.screenshot(path=f"{artifacts_dir}/article-phone.png", full_page=True)
