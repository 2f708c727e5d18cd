"""The page bar under article lists: numbers with ellipses, accessible, and
junk ``?page=`` values still refused."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.views import ArticleListView, SearchView
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_pages(monkeypatch):
    """A category of 40 articles shown two a page: 20 pages."""
    monkeypatch.setattr(ArticleListView, "paginate_by", 2)
    category = make_category(name="Hoạt động", slug="hoat-dong")
    start = timezone.now() - timedelta(days=1)
    for i in range(40):
        make_article(
            title=f"Tin thi đua số {i}",
            category=category,
            publish_at=start + timedelta(minutes=i),
        )
    return category


def page_bar(html):
    return html.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]


def bar_items(html):
    """What the bar shows, in order: page numbers, "…", and "«"/"»" for the
    previous and next links."""
    items = []
    for li in re.findall(r"<li[^>]*>(.*?)</li>", page_bar(html), flags=re.S):
        text = re.sub(r"<[^>]+>", "", li).strip()
        if 'rel="prev"' in li:
            items.append("«")
        elif 'rel="next"' in li:
            items.append("»")
        else:
            items.append(text)
    return items


def test_the_bar_shows_numbers_around_the_current_page_with_ellipses(
    client, twenty_pages
):
    url = twenty_pages.get_absolute_url()
    html = client.get(url + "?page=5").content.decode()
    assert bar_items(html) == ["«", "1", "…", "4", "5", "6", "…", "20", "»"]
    first = client.get(url).content.decode()
    assert bar_items(first) == ["1", "2", "…", "20", "»"]
    last = client.get(url + "?page=20").content.decode()
    assert bar_items(last) == ["«", "1", "…", "19", "20"]
    near_start = client.get(url + "?page=3").content.decode()
    assert bar_items(near_start) == ["«", "1", "2", "3", "4", "…", "20", "»"]


def test_the_bar_is_accessible(client, twenty_pages):
    url = twenty_pages.get_absolute_url()
    bar = page_bar(client.get(url + "?page=5").content.decode())
    html = client.get(url + "?page=5").content.decode()
    assert '<nav class="pagination" aria-label="Phân trang">' in html
    # The current page is marked for screen readers; each number says what it is.
    assert re.search(r'<a [^>]*aria-current="page"[^>]*>5</a>', bar)
    assert bar.count('aria-current="page"') == 1
    assert re.search(r'<a [^>]*aria-label="Trang 4"[^>]*>4</a>', bar)
    assert '<a rel="prev" href="?page=4">' in bar
    assert '<a rel="next" href="?page=6">' in bar
    # The ellipsis is decoration, not a link.
    assert re.search(r'<li class="pagination-gap" aria-hidden="true">…</li>', bar)


def test_page_one_links_to_the_plain_address(client, twenty_pages):
    url = twenty_pages.get_absolute_url()
    bar = page_bar(client.get(url + "?page=2").content.decode())
    assert f'<a rel="prev" href="{url}">' in bar
    assert f'href="{url}" aria-label="Trang 1"' in bar


def test_search_pages_keep_the_query_in_their_links(client, monkeypatch):
    monkeypatch.setattr(SearchView, "paginate_by", 2)
    for i in range(5):
        make_article(title=f"Thi đua yêu nước {i}")
    html = client.get("/tim-kiem/?q=thi+dua&page=2").content.decode()
    assert bar_items(html) == ["«", "1", "2", "3", "»"]
    bar = page_bar(html)
    assert 'href="?q=thi+dua&amp;page=3"' in bar
    assert 'href="?q=thi+dua" aria-label="Trang 1"' in bar


def test_one_page_shows_no_bar(client):
    category = make_category()
    make_article(category=category)
    assert (
        'class="pagination"'
        not in client.get(category.get_absolute_url()).content.decode()
    )


def test_the_bar_in_english(client, twenty_pages):
    client.cookies["django_language"] = "en"
    html = client.get(twenty_pages.get_absolute_url() + "?page=5").content.decode()
    assert '<nav class="pagination" aria-label="Pagination">' in html
    assert 'aria-label="Page 4"' in page_bar(html)


@pytest.mark.parametrize("query", ["?page=abc", "?page=21", "?page=0", "?page=1e9"])
def test_junk_page_numbers_are_still_404(client, twenty_pages, query):
    response = client.get(twenty_pages.get_absolute_url() + query)
    assert response.status_code == 404
