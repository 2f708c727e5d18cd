"""Readers of a kept page (portal.pagecache) vote and comment as on any page: with
JavaScript and without, each with their own CSRF token and form stamp."""

import pytest

from comments.models import Comment
from portal.models import SiteSettings
from ratings.models import Vote
from tests.browser.waiting import wait_for_js
from tests.factories import make_article

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture(autouse=True)
def _site(settings):
    settings.COMMENTS_MIN_FORM_SECONDS = 0
    site = SiteSettings.load()
    site.comment_moderation = "none"
    site.save()


def open_kept(browser, url, **options):
    """A new reader opens ``url`` and gets the kept page (another reader's visit
    rendered it)."""
    context = browser.new_context(locale="vi-VN", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    response = page.goto(url)
    assert response.headers["x-page-cache"] == "hit"
    return context, page


def test_with_javascript_a_reader_of_a_kept_page_votes_and_comments(
    live_server, browser, page, artifacts_dir
):
    article = make_article(title="Bài được lưu sẵn")
    url = live_server.url + article.get_absolute_url()
    assert page.goto(url).headers["x-page-cache"] == "miss"  # the first reader
    context, reader = open_kept(browser, url)
    reader.locator(f'label[for="rating-{article.pk}-4"]').click()
    wait_for_js(
        reader,
        "document.querySelector('[data-rating-line]').textContent.includes('4 trong 1')",
    )
    reader.fill("#id_name", "Trần Thị Bình")
    reader.fill("#id_email", "binh@example.org")
    reader.fill("#id_text", "Gửi từ trang lưu sẵn, có JavaScript.")
    reader.get_by_role("button", name="Gửi bình luận").click()
    reader.locator(".comment-list > .comment").first.wait_for()
    reader.screenshot(path=f"{artifacts_dir}/kept-page-javascript.png")
    context.close()
    assert Vote.objects.get(article=article).score == 4
    assert Comment.objects.get(article=article).name == "Trần Thị Bình"
    # The next reader gets a page that shows both.
    html = page.goto(url) and page.content()
    assert "4 trong 1 đánh giá" in html and "Gửi từ trang lưu sẵn" in html


def test_without_javascript_a_reader_of_a_kept_page_votes_and_comments(
    live_server, browser, page, artifacts_dir
):
    article = make_article(title="Bài đọc không JavaScript")
    url = live_server.url + article.get_absolute_url()
    page.goto(url)
    context, reader = open_kept(browser, url, java_script_enabled=False)
    reader.locator(f'label[for="rating-{article.pk}-5"]').click()
    reader.get_by_role("button", name="Gửi đánh giá").click()
    reader.wait_for_url(f"{url}#danh-gia")
    assert "5 trong 1 đánh giá" in reader.content()
    reader.fill("#id_name", "Lê Văn Cường")
    reader.fill("#id_email", "cuong@example.org")
    reader.fill("#id_text", "Gửi từ trang lưu sẵn, không JavaScript.")
    reader.get_by_role("button", name="Gửi bình luận").click()
    reader.wait_for_url("**#comment-*")
    assert "Gửi từ trang lưu sẵn, không JavaScript." in reader.content()
    reader.screenshot(path=f"{artifacts_dir}/kept-page-no-javascript.png")
    context.close()
    assert Vote.objects.get(article=article).score == 5
    assert Comment.objects.get(article=article).name == "Lê Văn Cường"
