"""The page benchmark's constant reference page (bench/README.md)."""

from html.parser import HTMLParser

import pytest

from stats.models import PageView
from tests.stats.test_recording import CHROME

pytestmark = pytest.mark.django_db
URL = "/__bench/constant/"


class Elements(HTMLParser):
    """Open and closed elements, to check that a page is well formed."""

    VOID = {"meta", "br", "img", "link", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.open, self.seen = [], []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, tag


def test_reference_page_is_absent_in_normal_runs(client):
    assert client.get(URL, HTTP_USER_AGENT=CHROME).status_code == 404
    assert not PageView.objects.exists()


@pytest.mark.parametrize("size", [23_000, 4_096, 22_851])
def test_reference_page_is_that_many_bytes_of_well_formed_html(client, settings, size):
    settings.BENCH_REFERENCE_BYTES = size
    response = client.get(URL, HTTP_USER_AGENT=CHROME)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert len(response.content) == size
    elements = Elements()
    elements.feed(response.content.decode())
    elements.close()
    assert elements.open == []
    assert elements.seen.count("h1") == 1 and elements.seen[0] == "html"


def test_reference_page_is_counted_like_a_page_and_runs_no_query_of_its_own(
    client, settings, django_assert_num_queries
):
    settings.BENCH_REFERENCE_BYTES = 23_000
    settings.STATS_AUTO_ROLLUP_SECONDS = 0
    # One query: the page view, recorded by the stats middleware.
    with django_assert_num_queries(1):
        client.get(URL, HTTP_USER_AGENT=CHROME, REMOTE_ADDR="192.0.2.1")
    client.get(URL, HTTP_USER_AGENT=CHROME, REMOTE_ADDR="192.0.2.2")
    assert PageView.objects.filter(is_bot=False).count() == 2
    assert PageView.objects.filter(new_visitor=True).count() == 2


def test_reference_page_never_shrinks_below_a_whole_page(client, settings):
    settings.BENCH_REFERENCE_BYTES = 10
    html = client.get(URL).content.decode()
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
