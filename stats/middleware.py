import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from portal import outage
from stats import services, tracking

logger = logging.getLogger(__name__)
ROLLUP_LOCK = "stats:auto-rollup"


class PageViewMiddleware:
    """Count public HTML page views (see ``tracking.should_count``).

    Recording is one SQL statement after the page is rendered. If it fails the
    reader still gets the page and the failure is logged, unless the database is
    unreachable: then the answer is the outage's 503, as for any page. About once a minute
    (``STATS_AUTO_ROLLUP_SECONDS``) one request per process also rolls raw page
    views up and prunes, so the figures stay fresh without a cron job.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.next_rollup = 0.0

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(settings, "STATS_ENABLED", True):
            return response
        try:
            if tracking.should_count(request, response):
                self.record(request)
                self.maybe_rollup()
        except Exception as error:
            if outage.is_database_outage(error):
                # The database went away: logged once per outage, not per page,
                # and the reader is told so (a page kept in memory could still be
                # shown, but it could not be counted: every page served is).
                outage.record_failure(error)
                return outage.unavailable_response(request)
            logger.exception("Could not record a page view of %s", request.path[:200])
        return response

    def record(self, request):
        at = timezone.now()
        user_agent = tracking.request_user_agent(request)
        bot_name, device, browser, os_name = tracking.classify(user_agent)
        match = request.resolver_match
        article_id = None
        if match is not None and match.view_name == "news:article":
            article_id = match.kwargs.get("pk")
        if bot_name:
            services.record_page_view(at=at, visitor="", bot_name=bot_name)
            return
        day, _hour = services.local_day_hour(at)
        services.record_page_view(
            at=at,
            visitor=tracking.visitor_hash(
                tracking.request_ip(request), user_agent, day
            ),
            article_id=article_id,
            referrer_host=tracking.referrer_host(request),
            device=device,
            browser=browser,
            os=os_name,
        )

    def maybe_rollup(self):
        # A deadline kept in this process spares the shared cache a call on every
        # page view; the cache lock then makes one process of all do the work.
        seconds = getattr(settings, "STATS_AUTO_ROLLUP_SECONDS", 60)
        if not seconds or time.monotonic() < self.next_rollup:
            return
        self.next_rollup = time.monotonic() + seconds
        if cache.add(ROLLUP_LOCK, 1, seconds):
            services.rollup_and_prune()
