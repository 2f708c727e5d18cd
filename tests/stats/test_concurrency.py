"""32 clients read the site for 30 seconds over real HTTP while roll-ups run: every
page view served is counted once."""

import os
import threading
import time
import urllib.request

import pytest

from stats.models import ArticleDailyViews, DailyTraffic, PageView
from stats.services import rollup
from tests.factories import make_article

CLIENTS = 32
VISITORS = 16  # two clients share each visitor, so their rows are contended too
SECONDS = float(os.environ.get("STATS_CONCURRENCY_SECONDS", "30"))


@pytest.mark.django_db(transaction=True)
def test_concurrent_clients_neither_lose_nor_double_a_page_view(live_server):
    article = make_article()
    urls = [
        live_server.url + article.get_absolute_url(),
        live_server.url + "/",
        live_server.url + article.category.get_absolute_url(),
    ]
    served = [0] * CLIENTS
    errors = []
    deadline = time.monotonic() + SECONDS
    stop = threading.Event()

    def client(n):
        agent = (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/120.0.{n % VISITORS} Safari/537.36"
        )
        i = n
        while time.monotonic() < deadline:
            request = urllib.request.Request(
                urls[i % len(urls)], headers={"User-Agent": agent}
            )
            i += 1
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    if response.status == 200:
                        served[n] += 1
            except Exception as error:  # counted below: the test fails on any
                errors.append(repr(error))

    def roll_up_meanwhile():
        from django.db import connection

        while not stop.wait(1.0):
            rollup()
        connection.close()

    roller = threading.Thread(target=roll_up_meanwhile)
    roller.start()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    roller.join()
    rollup()

    total = sum(served)
    print(f"{total} page views served by {CLIENTS} clients in {SECONDS:g} s")
    assert not errors, errors[:5]
    assert total > CLIENTS
    assert PageView.objects.count() == total
    assert PageView.objects.filter(rolled=False).count() == 0
    days = DailyTraffic.objects.all()
    assert sum(d.page_views for d in days) == total
    assert sum(d.bot_hits for d in days) == 0
    # Nobody paused for 30 minutes: one visit and one article view per visitor.
    assert sum(d.visitors for d in days) == VISITORS
    assert sum(d.visits for d in days) == VISITORS
    assert sum(a.views for a in ArticleDailyViews.objects.all()) == VISITORS
