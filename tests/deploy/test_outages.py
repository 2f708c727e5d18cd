"""Outages under load, on real servers: PostgreSQL stopped for 5 s, Redis killed.

The database outage runs against a PostgreSQL cluster this test makes and stops
itself (never the shared one); the Redis outage against a redis-server of its own.
The app server is gunicorn with production settings, as in production.
"""

import time

import pytest
import requests
from django.db import connection

from comments.models import Comment
from tests.deploy.harness import (
    BROWSER,
    SMALL_SITE,
    AppServer,
    Load,
    ThrowawayPostgres,
    ThrowawayRedis,
    collect_static,
    database_url,
    manage,
    production_env,
    wait_for,
)
from tests.factories import make_article

pytestmark = pytest.mark.deploy

DB_APP_PORT, REDIS_APP_PORT, REDIS_PORT = 8310, 8311, 8349


def test_postgresql_stopped_for_5_s_under_load_answers_503_then_recovers(tmp_path):
    postgres = ThrowawayPostgres(tmp_path).start()
    server = None
    try:
        env = production_env(postgres.create_database("portal_w10_outage"))
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "shell", "-c", SMALL_SITE)
        collect_static()
        server = AppServer(env, DB_APP_PORT, tmp_path / "app.log", access_log=False)
        server.start()
        article = requests.get(server.url + "/tin-tuc/thoi-su/", timeout=10)
        assert article.status_code == 200
        paths = ["/", "/tin-tuc/thoi-su/", "/tim-kiem/?q=tin"]
        pids = server.pids()

        with Load(server.url, paths) as load:
            # Some pages first (at least 2 s of them, however busy the machine).
            time.sleep(2)
            wait_for(lambda: len(load.results) >= 20, timeout=30, what="pages")
            stopping = time.monotonic()
            postgres.stop()
            stopped = time.monotonic()
            time.sleep(5)
            health_down = requests.get(server.url + "/healthz", timeout=5)
            # A fetch() call (votes, comments) gets the message as JSON.
            fetch = requests.get(
                server.url + "/", headers={"Accept": "application/json"}, timeout=5
            )
            starting = time.monotonic()
            postgres.start()
            started = time.monotonic()
            time.sleep(6)
        health_up = requests.get(server.url + "/healthz", timeout=5)

        statuses = {row[2] for row in load.results}
        assert statuses <= {200, 503}, statuses  # never a 500, never a lost request
        before = load.between(0, stopping)
        during = load.between(stopped + 0.2, starting)
        after = load.between(started, float("inf"))
        assert before and {row[2] for row in before} == {200}
        # During the outage: "back soon", with Retry-After, in the site layout.
        assert len(during) >= 10
        assert {row[2] for row in during} == {503}
        assert {row[3] for row in during} == {"30"}
        assert all("Tạm thời gián đoạn" in row[4] for row in during)
        assert all('<header class="site-header">' in row[4] for row in during)
        # After the restart: pages again within 10 s, and from then on only pages.
        first_ok = next(row[0] for row in after if row[2] == 200)
        assert first_ok - started < 10
        assert {row[2] for row in after if row[0] > first_ok + 1} == {200}
        assert health_down.status_code == 503
        assert fetch.status_code == 503 and fetch.json()["ok"] is False
        assert "gián đoạn" in fetch.json()["error"]
        assert health_down.headers["Retry-After"] == "30"
        assert health_up.status_code == 200
        # The same gunicorn processes served it all: nothing restarted.
        assert server.process.poll() is None
        assert server.pids() == pids
        # One line per process when it starts, one when it ends; no tracebacks.
        log = server.log()
        assert "Traceback" not in log
        assert 1 <= log.count("Database unreachable") <= server.workers
        assert 1 <= log.count("Database reachable again") <= server.workers
        print(
            f"\nload: {len(before)} answers before, {len(during)} during the "
            f"outage (all 503), first 200 {first_ok - started:.2f} s after the "
            f"restart; log: {log.count('Database unreachable')} outage lines"
        )
    finally:
        if server:
            server.stop()
        postgres.destroy()


@pytest.mark.django_db(transaction=True)
def test_with_redis_killed_pages_are_served_and_limits_degrade(tmp_path):
    article = make_article(title="Tin khi Redis ngừng")
    redis_server = ThrowawayRedis(REDIS_PORT).start()
    server = None
    try:
        collect_static()
        env = production_env(
            database_url(connection.settings_dict),
            REDIS_URL=redis_server.url,
            REDIS_RETRY_SECONDS=2,
            COMMENTS_MIN_FORM_SECONDS=0,
            COMMENTS_RATE_LIMITS="2/3600",
        )
        # One worker: the Redis outage is seen per process, and its start and end
        # are logged by the process that saw them (pages kept in memory make no
        # cache call, so a second worker might never notice).
        server = AppServer(
            env, REDIS_APP_PORT, tmp_path / "app.log", workers=1, access_log=False
        )
        server.start()
        reader = requests.Session()
        reader.trust_env = False
        reader.headers.update({"User-Agent": BROWSER, "Accept": "application/json"})

        def comment(n):
            html = reader.get(server.url + article.get_absolute_url()).text
            stamp = html.split('name="stamp" value="', 1)[1].split('"', 1)[0]
            return reader.post(
                f"{server.url}/binh-luan/bai-viet/{article.pk}/gui/",
                data={
                    "name": "Bạn đọc",
                    "email": "ban-doc@example.org",
                    "text": f"Ý kiến {n}.",
                    "stamp": stamp,
                    "website": "",
                    "csrfmiddlewaretoken": reader.cookies["csrftoken"],
                },
                headers={"X-CSRFToken": reader.cookies["csrftoken"]},
            ).status_code

        # With Redis: the comment limit (2 an hour) is counted there.
        assert [comment(n) for n in range(3)] == [201, 201, 429]
        assert reader.get(server.url + "/healthz").text == "database: ok\ncache: ok\n"

        redis_server.stop()
        pages = []
        for _ in range(10):
            for path in ("/", article.get_absolute_url(), "/tim-kiem/?q=redis"):
                started = time.monotonic()
                status = reader.get(server.url + path, headers={"Accept": "text/html"})
                pages.append((status.status_code, time.monotonic() - started))
        assert {status for status, _seconds in pages} == {200}
        assert max(seconds for _status, seconds in pages) < 2
        health = reader.get(server.url + "/healthz")
        assert health.status_code == 503
        assert "cache: unreachable" in health.text
        # Without Redis nothing counts comments: they are accepted (moderation
        # still applies), never a 500.
        assert comment(4) == 201

        redis_server.start()
        time.sleep(2.5)  # REDIS_RETRY_SECONDS
        assert reader.get(server.url + "/healthz").status_code == 200
        # A page rendered anew (search pages are never kept) reads the cache again.
        assert reader.get(server.url + "/tim-kiem/?q=redis").status_code == 200
        log = server.log()
        assert "Traceback" not in log
        assert log.count("is unreachable") == 1
        assert log.count("answers again") == 1
        assert Comment.objects.filter(article=article).count() == 3
    finally:
        if server:
            server.stop()
        redis_server.stop()
