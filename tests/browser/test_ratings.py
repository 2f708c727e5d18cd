"""The star widget as a reader uses it: with JavaScript, and without."""

import pytest

from ratings.models import Vote
from tests.browser.waiting import wait_for_js
from tests.factories import make_article, make_vote

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_clicking_the_fourth_star_updates_the_line_without_a_reload(
    live_server, page, artifacts_dir
):
    article = make_article()
    make_vote(article, 5)
    page.goto(live_server.url + article.get_absolute_url())
    line = page.locator("[data-rating-line]")
    assert line.inner_text() == "Tổng số điểm của bài viết là: 5 trong 1 đánh giá"
    # A fieldset of radios: a group named by its legend, each star a named radio.
    stars = page.get_by_role("group", name="Click để đánh giá bài viết")
    assert stars.get_by_role("radio").count() == 5
    # A click on a star sends: no button to press with JavaScript on.
    assert page.get_by_role("button", name="Gửi đánh giá").count() == 0
    assert page.locator(".rating-submit").is_hidden()
    page.evaluate("window.__noReload = 1")

    page.locator(f'label[for="rating-{article.pk}-4"]').click()

    wait_for_js(
        page,
        "document.querySelector('[data-rating-line]').textContent.includes('9 trong 2')",
    )
    assert line.inner_text() == "Tổng số điểm của bài viết là: 9 trong 2 đánh giá"
    assert page.locator("[data-rating-average]").inner_text() == "4,5/5"
    assert page.locator("[data-rating-status]").inner_text() == (
        "Cảm ơn bạn đã đánh giá: 4/5."
    )
    assert page.evaluate("window.__noReload") == 1
    assert page.get_by_role("radio", name="4 sao").is_checked()
    assert sorted(Vote.objects.values_list("score", flat=True)) == [4, 5]
    page.screenshot(path=f"{artifacts_dir}/ratings-voted.png")

    # Changing one's mind replaces the vote: N stays, X changes by the difference.
    page.locator(f'label[for="rating-{article.pk}-2"]').click()
    wait_for_js(
        page,
        "document.querySelector('[data-rating-line]').textContent.includes('7 trong 2')",
    )
    assert page.evaluate("window.__noReload") == 1


def test_the_keyboard_picks_a_star_with_the_arrows_and_sends_with_enter(
    live_server, page
):
    article = make_article()
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__noReload = 1")
    page.get_by_role("radio", name="1 sao").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert not Vote.objects.exists()  # moving between stars sends nothing
    page.keyboard.press("Enter")
    wait_for_js(
        page,
        "document.querySelector('[data-rating-line]').textContent.includes('3 trong 1')",
    )
    assert page.evaluate("window.__noReload") == 1
    assert Vote.objects.get().score == 3


def test_without_javascript_the_stars_are_a_form_that_records_the_vote(
    live_server, browser
):
    article = make_article()
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + article.get_absolute_url())
        assert "0 trong 0 đánh giá" in page.locator("[data-rating-line]").inner_text()
        assert page.get_by_role("button", name="Gửi đánh giá").is_visible()
        page.locator(f'label[for="rating-{article.pk}-4"]').click()
        assert not Vote.objects.exists()  # a click only chooses, as in any form
        with page.expect_navigation():
            page.get_by_role("button", name="Gửi đánh giá").click()
        assert page.url.endswith(article.get_absolute_url() + "#danh-gia")
        assert (
            page.locator("[data-rating-line]").inner_text()
            == "Tổng số điểm của bài viết là: 4 trong 1 đánh giá"
        )
        assert "Bạn đã chấm 4/5." in page.locator("[data-rating-status]").inner_text()
        assert Vote.objects.get().score == 4
    finally:
        context.close()
