"""Exact totals under load: concurrent votes over real HTTP to a live server on
PostgreSQL (Django's threaded live server, one database connection per request)."""

import http.client
import json
import random
import threading
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from ratings.models import Vote
from ratings.voters import COOKIE_NAME, COOKIE_SALT
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)
# At most as many requests in flight as the live server's listen backlog (10).
WORKERS = 10


class Site:
    def __init__(self, live_server, article):
        self.url = urllib.parse.urlsplit(live_server.url)
        self.path = f"/danh-gia/{article.pk}/"
        status, headers, _body = self.request("GET", article.get_absolute_url())
        assert status == 200
        self.csrf = next(
            value.split(";")[0].split("=", 1)[1]
            for name, value in headers
            if name.lower() == "set-cookie" and value.startswith("csrftoken=")
        )

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            self.url.hostname, self.url.port, timeout=60
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def vote(self, score, cookies=()):
        cookie = "; ".join([f"csrftoken={self.csrf}", *cookies])
        status, _headers, body = self.request(
            "POST",
            self.path,
            body=urllib.parse.urlencode({"score": score}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "X-CSRFToken": self.csrf,
                "Cookie": cookie,
            },
        )
        return status, json.loads(body)


def all_at_once(calls):
    """Run the calls from WORKERS threads released together by a barrier."""
    barrier = threading.Barrier(min(WORKERS, len(calls)))

    def run(call):
        try:
            barrier.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass  # the last, smaller batch
        return call()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(run, calls))


def member_session_cookies(count):
    """Session cookies of ``count`` signed-in readers (no password hashing)."""
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"ban-doc-{i}-{uuid.uuid4().hex[:6]}", password="!")
        for i in range(count)
    )
    cookies = []
    for user in users:
        client = Client()
        client.force_login(user)
        cookies.append(f"sessionid={client.cookies['sessionid'].value}")
    return cookies


def guest_cookie(guest_id):
    """The signed voter cookie, signed the way HttpResponse.set_signed_cookie does."""
    value = signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT).sign(guest_id)
    return f"{COOKIE_NAME}={value}"


def test_200_concurrent_voters_give_exact_totals(live_server, settings):
    # Every guest here shares 127.0.0.1; the per-address limits are tested elsewhere.
    settings.RATINGS_GUEST_VOTES_PER_ARTICLE = 1000
    settings.RATINGS_GUEST_VOTES_PER_IP = 1000
    article = make_article()
    site = Site(live_server, article)
    members = member_session_cookies(100)
    rng = random.Random(20240112)
    scores = [rng.randint(1, 5) for _ in range(200)]
    calls = [
        # 100 signed-in readers, and 100 guests without a voter cookie yet.
        (lambda s=s, c=c: site.vote(s, [c]))
        for s, c in zip(scores[:100], members, strict=True)
    ] + [(lambda s=s: site.vote(s)) for s in scores[100:]]
    results = all_at_once(calls)

    assert [status for status, _ in results] == [200] * 200
    summary = Vote.objects.summaries([article.pk])[article.pk]
    assert summary.count == 200
    assert summary.total == sum(scores)
    assert Vote.objects.by_members().count() == 100
    assert Vote.objects.by_guests().count() == 100
    html = site.request("GET", article.get_absolute_url())[2].decode()
    assert f"Tổng số điểm của bài viết là: {sum(scores)} trong 200 đánh giá" in html


@pytest.mark.parametrize("voter", ["guest", "member"])
def test_one_voter_posting_10_times_at_once_keeps_one_row(live_server, voter):
    article = make_article()
    site = Site(live_server, article)
    if voter == "guest":
        cookie = guest_cookie(uuid.uuid4().hex)
        sent = [2, 5] * 5
    else:
        (cookie,) = member_session_cookies(1)
        sent = [1, 4] * 5
    results = all_at_once([(lambda s=s: site.vote(s, [cookie])) for s in sent])

    assert [status for status, _ in results] == [200] * 10
    assert all(body["count"] == 1 for _, body in results)
    (row,) = Vote.objects.filter(article=article)
    assert row.score in sent
    summary = Vote.objects.summaries([article.pk])[article.pk]
    assert (summary.count, summary.total) == (1, row.score)
