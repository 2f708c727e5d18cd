"""A database outage answers 503 "back soon", logged once, not a 500 per request.

Any request that fails because PostgreSQL cannot be reached (connection refused,
the server shutting down, a connection broken mid-request) reaches
``portal.views.server_error``, which asks ``is_database_outage`` and then answers
with ``unavailable_response``: a bare page that needs no database, with
``Retry-After``. The first failure of a burst logs one warning; the first new
database connection afterwards logs one line saying how long it lasted.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

from portal.http import wants_json

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_outage = {}  # "since", "failures" while the database is unreachable


def is_database_outage(exc):
    """Whether ``exc`` (or what caused it) says the database cannot be reached.

    Only connection-level errors count: a query error (bad SQL, a broken
    constraint) is a bug and stays a 500 with its traceback.
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def record_failure(exc):
    """Count a request the outage failed (answered 503, or a page view not
    counted); the first of a burst is logged."""
    with _lock:
        first = not _outage
        if first:
            _outage.update(since=time.monotonic(), failures=0)
        _outage["failures"] += 1
    if first:
        logger.warning(
            "Database unreachable (%s): answering 503 until it is back.",
            " ".join(str(exc).split())[:300],
        )


def database_back(sender=None, **kwargs):
    """``connection_created``: a new connection ends the outage, if there was one."""
    if not _outage:
        return
    with _lock:
        outage = dict(_outage)
        _outage.clear()
    if outage:
        logger.warning(
            "Database reachable again after %.1f s; %d request(s) could not use it.",
            time.monotonic() - outage["since"],
            outage["failures"],
        )


def unavailable_response(request):
    """503 with ``Retry-After``, rendered without touching the database: the site
    name comes from the cache when it is there (Redis may be down too)."""
    retry_after = settings.OUTAGE_RETRY_AFTER
    message = _(
        "Trang đang tạm thời gián đoạn để khắc phục sự cố. "
        "Vui lòng quay lại sau ít phút."
    )
    if request is not None and wants_json(request):
        response = JsonResponse(
            {"ok": False, "error": message, "message": message, "errors": {}},
            status=503,
        )
    else:
        response = HttpResponse(
            loader.render_to_string(
                "503.html", {"site_name": cached_site_name(), "message": message}
            ),
            status=503,
        )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    # Django would log a line per request ("Service Unavailable: /..."); the
    # outage is logged once by record_failure instead.
    response._has_been_logged = True
    return response


def cached_site_name():
    from portal.models import cache_key

    try:
        site = cache.get(cache_key(poll=False))
    except Exception:  # a cache backend that raises: Redis may be down as well
        site = None
    return getattr(site, "site_name", "") or ""
