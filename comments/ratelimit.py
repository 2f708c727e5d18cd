"""Posting limits per hashed client IP, counted in the cache.

Fixed windows: ``cache.add`` creates a window's counter (a no-op if another
request already did) and ``cache.incr`` is atomic in Redis and in the local
memory cache, so concurrent posts are each counted once.
"""

import time

from django.conf import settings
from django.core.cache import cache


def limits():
    """``[(count, seconds), ...]`` from ``settings.COMMENTS_RATE_LIMITS``."""
    value = settings.COMMENTS_RATE_LIMITS
    if isinstance(value, str):
        value = [
            tuple(int(n) for n in part.split("/", 1))
            for part in value.split(",")
            if part.strip()
        ]
    return list(value)


def hit(ip_hash, *, now=None):
    """Count one post from ``ip_hash``; the seconds to wait if it is over a limit,
    else None."""
    now = time.time() if now is None else now
    for count, seconds in limits():
        window = int(now // seconds)
        key = f"comments:rate:{seconds}:{window}:{ip_hash}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds + 1)
            used = 1
        if used > count:
            return max(1, int((window + 1) * seconds - now))
    return None
