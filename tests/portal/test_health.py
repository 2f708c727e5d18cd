"""/healthz for load balancers, and the Redis cache that an outage cannot break."""

import logging
import time

import pytest

from portal.cache import ResilientRedisCache
from stats.models import PageView
from tests.deploy.harness import ThrowawayRedis

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
)
# Nothing listens here (the deploy tests' own ports, 8300-8349). Each test uses
# its own database number: outages are remembered per Redis location.
DEAD_REDIS = "redis://127.0.0.1:8347/{}"


def resilient(location, retry_seconds=30):
    return ResilientRedisCache(
        location,
        {
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "retry_seconds": retry_seconds,
            }
        },
    )


def test_healthz_is_200_when_the_database_answers_and_is_never_a_page_view(
    client, settings
):
    settings.REDIS_URL = None  # no cache server to ask (CI may set one)
    response = client.get("/healthz", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response.content.decode() == "database: ok\n"
    assert "no-store" in response["Cache-Control"]
    assert PageView.objects.count() == 0


def test_healthz_is_503_when_the_configured_redis_does_not_answer(client, settings):
    settings.REDIS_URL = DEAD_REDIS.format(0)
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS.format(0),
            "OPTIONS": {"socket_connect_timeout": 0.5, "retry_seconds": 5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.content.decode().splitlines() == [
        "database: ok",
        "cache: unreachable (ConnectionError)",
    ]
    # Pages are still served from the database meanwhile.
    assert client.get("/").status_code == 200


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.REDIS_URL = None
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_an_unreachable_redis_is_an_empty_cache_logged_once(caplog):
    cache = resilient(DEAD_REDIS.format(1))
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.get("a", "default") == "default"
        assert cache.add("a", 1) is False
        assert cache.set("a", 1) is None
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.has_key("a") is False
        assert cache.delete("a") is False
        with pytest.raises(ValueError):
            cache.incr("a")
        assert cache.get_or_set("a", 5) == 5
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert cache.is_down()


def test_after_a_failure_redis_is_left_alone_for_a_while():
    cache = resilient(DEAD_REDIS.format(2), retry_seconds=30)
    cache.get("a")
    started = time.monotonic()
    for _ in range(1000):
        cache.get("a")
    # No connection attempt at all: a thousand misses cost next to nothing.
    assert time.monotonic() - started < 0.5


def test_the_cache_works_again_when_redis_is_back(caplog):
    redis_server = ThrowawayRedis(8348).start()
    try:
        cache = resilient(redis_server.url, retry_seconds=0.2)
        cache.set("kept", 1)
        assert cache.get("kept") == 1
        redis_server.stop()
        assert cache.get("kept") is None
        redis_server.start()
        time.sleep(0.3)
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            cache.set("kept", 2)
            assert cache.get("kept") == 2
        assert not cache.is_down()
        assert any("answers again" in r.getMessage() for r in caplog.records)
    finally:
        redis_server.stop()


def test_healthz_answers_head_requests_and_refuses_posts(client, settings):
    settings.REDIS_URL = None
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
