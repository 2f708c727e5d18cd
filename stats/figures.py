"""The cached figures the public pages show; each costs at most one query, and
none while its cache entry is fresh."""

import functools
import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from news.models import Article
from portal.models import SiteSettings
from stats.models import ArticleDailyViews, DailyTraffic
from stats.querysets import article_view_total
from stats.services import ONLINE_WINDOW

BLOCK_TTL = 5
ARTICLE_VIEWS_TTL = 60
MOST_READ_TTL = 300
MOST_READ_DAYS = 7
logger = logging.getLogger(__name__)


def never_breaks_the_page(default):
    """A figure that cannot be read is left out (and logged), the page still shows."""

    def decorator(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except DatabaseError:
                logger.exception("Could not read %s", function.__name__)
                return default

        return wrapper

    return decorator


@never_breaks_the_page(None)
def visit_figures():
    """Đang truy cập, Hôm nay, Tháng hiện tại, Tổng lượt truy cập (with the offset)."""
    figures = cache.get("stats:visit-figures")
    if figures is None:
        now = timezone.now()
        figures = DailyTraffic.objects.headline(
            now=now, today=timezone.localdate(now), online_window=ONLINE_WINDOW
        )
        cache.set("stats:visit-figures", figures, BLOCK_TTL)
    return {**figures, "total": figures["total"] + SiteSettings.load().visits_offset}


@never_breaks_the_page(None)
def article_views(article_id):
    key = f"stats:article-views:{article_id}"
    views = cache.get(key)
    if views is None:
        views = article_view_total(article_id)
        cache.set(key, views, ARTICLE_VIEWS_TTL)
    return views


@never_breaks_the_page([])
def most_read(count=5):
    """Published articles with the most views over the last 7 days."""
    key = f"stats:most-read:{count}"
    rows = cache.get(key)
    if rows is None:
        today = timezone.localdate()
        top = list(
            ArticleDailyViews.objects.top(
                today - timedelta(days=MOST_READ_DAYS - 1),
                today,
                limit=count,
                published_only=True,
            )
        )
        ids = [row["article_id"] for row in top]
        articles = Article.objects.filter(pk__in=ids).for_listing().in_bulk()
        rows = [
            (articles[row["article_id"]], row["views"])
            for row in top
            if row["article_id"] in articles
        ]
        cache.set(key, rows, MOST_READ_TTL)
    return rows
