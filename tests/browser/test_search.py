"""Searching from the header box, as a reader types it, with and without diacritics."""

import pytest

from tests.factories import make_article, make_category

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
TITLE = (
    "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
    "khen thưởng năm 2023"
)


def search_from_header(page, query):
    box = page.get_by_role("search").first.get_by_role("searchbox")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    return page.locator(".search-result .item-title").all_inner_texts()


def test_a_search_with_and_without_diacritics_shows_the_same_results(
    live_server, page, artifacts_dir
):
    category = make_category(name="Thi đua - Khen thưởng")
    make_article(
        title=TITLE,
        category=category,
        summary="Hội nghị tổng kết công tác thi đua, khen thưởng.",
    )
    make_article(
        title="Ủy ban MTTQ tỉnh triển khai nhiệm vụ năm 2024",
        category=category,
        body="<p>Các tổ chức chính trị - xã hội thống nhất chương trình phối hợp.</p>",
    )
    make_article(title="Lễ hội văn hóa các dân tộc", category=category)

    page.goto(live_server.url + "/")
    with_marks = search_from_header(page, "tổ chức chính trị")
    page.screenshot(path=f"{artifacts_dir}/search-results.png", full_page=True)
    without_marks = search_from_header(page, "TO CHUC CHINH TRI")

    assert with_marks == without_marks
    assert with_marks == [TITLE, "Ủy ban MTTQ tỉnh triển khai nhiệm vụ năm 2024"]
    marked = page.locator(".search-result mark").all_inner_texts()
    assert marked[:4] == ["tổ", "chức", "chính", "trị"]
    assert page.locator("#search-q").input_value() == "TO CHUC CHINH TRI"


def test_a_one_letter_search_explains_what_is_wrong(live_server, page):
    page.goto(live_server.url + "/tim-kiem/")
    page.locator("#search-q").fill("a")
    page.locator("#search-q").press("Enter")
    alert = page.get_by_role("alert")
    assert alert.inner_text() == "Từ khóa tìm kiếm cần ít nhất 2 ký tự."
    assert page.locator("#search-q").get_attribute("aria-invalid") == "true"


def test_the_print_view_is_reached_from_the_article_and_offers_a_print_button(
    live_server, page, artifacts_dir
):
    article = make_article(
        title=TITLE,
        summary="Hội nghị tổng kết công tác thi đua, khen thưởng.",
        body="<p>Sáng 12/1, Cụm thi đua tổ chức hội nghị tổng kết.</p>",
    )
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("link", name="Bản in").click()
    page.wait_for_url(f"**/tin-tuc/bai-viet/{article.pk}/ban-in/")
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator("aside, nav, .site-search").count() == 0
    page.evaluate(
        "() => { window.printed = 0; window.print = () => { window.printed += 1; }; }"
    )
    page.get_by_role("button", name="In bài này").click()
    assert page.evaluate("window.printed") == 1
    page.screenshot(path=f"{artifacts_dir}/article-print.png", full_page=True)
