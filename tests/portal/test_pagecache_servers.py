"""Several app servers on one database: a change made anywhere shows through every
server within seconds, and a reader who acted sees it at once."""

import re
import time

import pytest

from news.models import Article
from portal.models import SiteSettings
from tests.factories import make_article
from tests.servers import Browser, app_servers

pytestmark = pytest.mark.django_db(transaction=True)


def token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def seconds_until(predicate, limit=10.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def test_an_edit_and_a_vote_show_through_every_server_within_five_seconds():
    SiteSettings.load()
    article = make_article(title="Tin trước khi sửa")
    path = article.get_absolute_url()
    with app_servers(2) as (one, two):
        reader = Browser()
        for base in (one, two):  # each server keeps the page
            reader.get(base + path)
            status, headers, html = reader.get(base + path)
            assert headers["X-Page-Cache"] == "hit" and "Tin trước khi sửa" in html
        # An editor saves through a third process (this test's).
        article.title = "Tin sau khi sửa"
        article.save()
        for base in (one, two):
            waited = seconds_until(
                lambda b=base: "Tin sau khi sửa" in reader.get(b + path)[2]
            )
            assert waited is not None and waited < 5, base
        # A vote through the first server shows through the second.
        voter = Browser()
        html = voter.get(one + path)[2]
        status, _headers, _body = voter.post(
            f"{one}/danh-gia/{article.pk}/",
            {"score": "4", "csrfmiddlewaretoken": token(html)},
        )
        assert status == 302
        waited = seconds_until(
            lambda: "4 trong 1 đánh giá" in reader.get(two + path)[2]
        )
        assert waited is not None and waited < 5


def test_a_voter_sees_their_vote_at_once_on_a_server_that_has_not_polled_yet():
    SiteSettings.load()
    article = make_article()
    path = article.get_absolute_url()
    # Servers that ask the database for changes only every 60 s.
    with app_servers(2, PAGE_CACHE_POLL_SECONDS=60) as (one, two):
        other = Browser()
        other.get(two + path)
        voter = Browser()
        html = voter.get(two + path)[2]
        status, headers, _body = voter.post(
            f"{one}/danh-gia/{article.pk}/",
            {"score": "5", "csrfmiddlewaretoken": token(html)},
        )
        assert status == 302 and headers["Location"].startswith(path)
        status, headers, html = voter.get(two + path)
        assert "X-Page-Cache" not in headers
        assert "5 trong 1 đánh giá" in html and "Bạn đã chấm 5/5." in html
        # Without the voter's few fresh seconds, the second server still shows
        # what it kept until its next poll: the cookie is what made it fresh.
        assert "0 trong 0 đánh giá" in other.get(two + path)[2]
        assert Article.objects.get(pk=article.pk).votes.count() == 1
