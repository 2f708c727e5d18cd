"""A Redis cache that a Redis outage cannot turn into an error page.

Everything the portal keeps in the cache can be rebuilt from the database, so an
unreachable Redis is treated as an empty cache: reads return their default, writes
are dropped, ``add`` reports that nothing was added and ``incr`` raises
``ValueError`` as for a missing key. What that means for each use (pages, rate
limits, locks) is in docs/deploy.md, "When Redis is unreachable".
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Per process and Redis location: when Redis last failed and until when it is left
# alone. Django makes one cache object per thread; the outage is the process's.
_outages = {}
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, degrading to "always a miss" while Redis fails.

    After a failure Redis is not asked again for ``retry_seconds`` (an OPTIONS
    entry, 5 by default), so that the many cache calls of one page do not each
    wait for a connection that will not come. One warning is logged when Redis
    stops answering and one when it answers again, not one per call.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = dict(self._options)
        self.retry_seconds = float(self._options.pop("retry_seconds", 5))
        self._outage_key = tuple(self._servers)

    def _call(self, fallback, method, *args):
        outage = _outages.get(self._outage_key)
        if outage and time.monotonic() < outage["retry_at"]:
            return fallback()
        try:
            result = method(*args)
        except RedisError as error:
            self._failed(error)
            return fallback()
        if outage:
            self._answered()
        return result

    def _failed(self, error):
        now = time.monotonic()
        with _lock:
            outage = _outages.get(self._outage_key)
            if outage is None:
                outage = _outages[self._outage_key] = {"since": now, "misses": 0}
                logger.warning(
                    "Redis at %s is unreachable (%s): the cache is off, pages are "
                    "built from the database and comment rate limits are not "
                    "counted until it answers; retrying every %g s.",
                    ",".join(self._servers),
                    error,
                    self.retry_seconds,
                )
            outage["retry_at"] = now + self.retry_seconds
            outage["misses"] += 1

    def _answered(self):
        with _lock:
            outage = _outages.pop(self._outage_key, None)
        if outage:
            logger.warning(
                "Redis at %s answers again after %.1f s (%d failed cache calls).",
                ",".join(self._servers),
                time.monotonic() - outage["since"],
                outage["misses"],
            )

    def is_down(self):
        """Whether Redis failed lately and is being left alone."""
        return self._outage_key in _outages

    def ping(self):
        """Ask Redis itself, whatever the recent failures (for /healthz)."""
        self._cache.get_client(None, write=True).ping()
        if self.is_down():
            self._answered()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(lambda: default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(lambda: False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(lambda: False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._call(missing, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(lambda: None, super().delete_many, keys, version)

    def clear(self):
        return self._call(lambda: False, super().clear)
