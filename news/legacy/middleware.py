import logging

from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect

from news.legacy.redirects import (
    displaced_article_target,
    old_address_target,
    our_prefix,
)

logger = logging.getLogger(__name__)


class LegacyRedirectMiddleware:
    """Old NukeViet addresses answer 301 to the page they became here.

    Like ``django.contrib.redirects``, it asks only after our own URLs answered
    404, so no old address shadows one of ours. One case is decided before: an
    old article address that has exactly the shape of ours (the old module was
    named like our news prefix) and whose old id belongs to another article here.
    A failure to read the links leaves the 404 as it was, never a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        path = request.path_info
        if path.startswith(f"/{our_prefix()}/") and path.endswith(".html"):
            target = self._target(displaced_article_target, path)
            if target:
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        target = self._target(old_address_target, path, request.GET)
        return HttpResponsePermanentRedirect(target) if target else response

    @staticmethod
    def _target(find, *args):
        try:
            return find(*args)
        except DatabaseError:
            logger.exception("Could not read the old NukeViet addresses")
            return None
