"""Concurrent posts over real HTTP against PostgreSQL: nothing lost, nothing doubled."""

import json
import re
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from comments import services
from comments.forms import sign_stamp
from comments.models import Comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)
WORKERS = 20  # PostgreSQL allows 100 connections; the live server opens one per request


def _session(live_server, article):
    """A CSRF cookie and token as a browser gets them from the article page."""
    with urllib.request.urlopen(live_server.url + article.get_absolute_url()) as page:
        html = page.read().decode()
        cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def _post(url, cookie, data):
    request = urllib.request.Request(
        url,
        data=urlencode(data).encode(),
        headers={
            "Cookie": cookie,
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _forms(article, token, count, *, prefix):
    # Signed in advance, 10 s old: past the 3 s minimum when they arrive.
    issued = time.time() - 10
    return [
        {
            "csrfmiddlewaretoken": token,
            "name": f"Bạn đọc {i}",
            "email": f"ban-doc-{i}@example.org",
            "text": f"{prefix} {i}",
            "stamp": sign_stamp(article.pk, issued_at=issued),
            "website": "",
        }
        for i in range(count)
    ]


def test_100_concurrent_comments_are_all_stored_once(live_server, settings):
    settings.COMMENTS_RATE_LIMITS = "100000/30,100000/3600"
    article = make_article()
    cookie, token = _session(live_server, article)
    url = f"{live_server.url}/binh-luan/bai-viet/{article.pk}/gui/"
    forms = _forms(article, token, 100, prefix="Ý kiến đồng thời")

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda data: _post(url, cookie, data), forms))

    assert [status for status, _ in results] == [201] * 100, results[:3]
    stored = Comment.objects.filter(article=article)
    assert stored.count() == 100
    texts = list(stored.values_list("text", flat=True))
    assert sorted(texts) == sorted(f"Ý kiến đồng thời {i}" for i in range(100))
    assert len({body["id"] for _, body in results}) == 100
    # Guests are moderated by default: nothing shows until approved.
    assert Comment.objects.visible_counts([article.pk]) == {article.pk: 0}
    assert services.moderate(comments=stored, state=Comment.State.APPROVED) == 100
    assert Comment.objects.visible_counts([article.pk]) == {article.pk: 100}
    with urllib.request.urlopen(live_server.url + article.get_absolute_url()) as page:
        assert "Ý kiến bạn đọc (<span data-comment-count>100</span>)" in (
            page.read().decode()
        )


def test_the_rate_limit_holds_under_concurrent_posts_from_one_address(
    live_server, settings
):
    # One window for the whole test run (it spans 10^9 seconds), so the count
    # cannot be split by a window boundary.
    settings.COMMENTS_RATE_LIMITS = "5/1000000000"
    article = make_article()
    cookie, token = _session(live_server, article)
    url = f"{live_server.url}/binh-luan/bai-viet/{article.pk}/gui/"
    forms = _forms(article, token, 30, prefix="Thử giới hạn")

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        statuses = sorted(
            status for status, _ in pool.map(lambda d: _post(url, cookie, d), forms)
        )

    assert statuses == [201] * 5 + [429] * 25
    assert Comment.objects.count() == 5


def test_one_form_sent_many_times_at_once_stores_one_comment(live_server, settings):
    settings.COMMENTS_RATE_LIMITS = "100000/30"
    article = make_article()
    cookie, token = _session(live_server, article)
    url = f"{live_server.url}/binh-luan/bai-viet/{article.pk}/gui/"
    form = _forms(article, token, 1, prefix="Bấm gửi nhiều lần")[0]

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: _post(url, cookie, form), range(10)))

    assert sorted(status for status, _ in results) == [200] * 9 + [201]
    assert len({body["id"] for _, body in results}) == 1
    assert Comment.objects.count() == 1
