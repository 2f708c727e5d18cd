"""Writes of the statistics: recording a page view, rolling raw page views up into
the day-level tables, pruning what the windows no longer need.

Every write is one SQL statement whose upserts (``INSERT ... ON CONFLICT DO
UPDATE``) take their row locks in the database, so concurrent requests neither lose
nor double a count.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

VISIT_GAP = timedelta(minutes=30)
ARTICLE_VIEW_GAP = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)
# Raw page views are kept this long after they are rolled up (the online-now window
# and the one before it, for the dashboard's comparison).
RAW_KEEP = timedelta(minutes=30)
ROLLUP_BATCH = 50_000
# A page view's transaction does not wait for its WAL to reach the disk (the flush
# is most of the cost of a one-statement write). Only a crash of the database server
# itself can then lose the last fraction of a second of page views; a commit is
# never half-applied. STATS_SYNCHRONOUS_COMMIT=True turns this off.
_ASYNC_COMMIT = "SET LOCAL synchronous_commit TO off;"

_VISITOR_UPSERT = """
    INSERT INTO stats_visitor (day, visitor, first_seen, last_seen, new_visit)
    VALUES (%(day)s, %(visitor)s, %(at)s, %(at)s, true)
    ON CONFLICT (day, visitor) DO UPDATE SET
        new_visit = EXCLUDED.last_seen - stats_visitor.last_seen > %(visit_gap)s,
        last_seen = GREATEST(stats_visitor.last_seen, EXCLUDED.last_seen)
    RETURNING (xmax = 0) AS new_visitor, new_visit
"""
_ARTICLE_UPSERT = """
    INSERT INTO stats_recentarticleview (visitor, article_id, counted_at, counted)
    VALUES (%(visitor)s, %(article_id)s, %(at)s, true)
    ON CONFLICT (visitor, article_id) DO UPDATE SET
        counted = EXCLUDED.counted_at - stats_recentarticleview.counted_at
                  >= %(article_gap)s,
        counted_at = CASE
            WHEN EXCLUDED.counted_at - stats_recentarticleview.counted_at
                 >= %(article_gap)s
            THEN EXCLUDED.counted_at ELSE stats_recentarticleview.counted_at END
    RETURNING counted
"""
_PAGE_VIEW_COLUMNS = """
    INSERT INTO stats_pageview (at, day, hour, visitor, article_id, is_bot, bot_name,
        new_visit, new_visitor, article_view, referrer_host, device, browser, os,
        rolled)
"""
READER_SQL = f"""
    WITH v AS ({_VISITOR_UPSERT})
    {_PAGE_VIEW_COLUMNS}
    SELECT %(at)s, %(day)s, %(hour)s, %(visitor)s, %(article_id)s, false, '',
        v.new_visit, v.new_visitor, false, %(referrer_host)s, %(device)s,
        %(browser)s, %(os)s, false
    FROM v
"""
ARTICLE_READER_SQL = f"""
    WITH v AS ({_VISITOR_UPSERT}), a AS ({_ARTICLE_UPSERT})
    {_PAGE_VIEW_COLUMNS}
    SELECT %(at)s, %(day)s, %(hour)s, %(visitor)s, %(article_id)s, false, '',
        v.new_visit, v.new_visitor, a.counted, %(referrer_host)s, %(device)s,
        %(browser)s, %(os)s, false
    FROM v, a
"""
BOT_SQL = f"""
    {_PAGE_VIEW_COLUMNS}
    VALUES (%(at)s, %(day)s, %(hour)s, '', %(article_id)s, true, %(bot_name)s,
        false, false, false, '', '', '', '', false)
"""

ROLLUP_SQL = """
    WITH moved AS (
        UPDATE stats_pageview SET rolled = true
        WHERE id IN (
            SELECT id FROM stats_pageview WHERE NOT rolled
            ORDER BY id LIMIT %(batch)s FOR UPDATE SKIP LOCKED
        )
        RETURNING day, hour, is_bot, bot_name, new_visit, new_visitor, article_id,
            article_view, referrer_host, device, browser, os
    ), daily AS (
        INSERT INTO stats_dailytraffic AS t (day, page_views, visits, visitors, bot_hits)
        SELECT day, count(*) FILTER (WHERE NOT is_bot), count(*) FILTER (WHERE new_visit),
            count(*) FILTER (WHERE new_visitor), count(*) FILTER (WHERE is_bot)
        FROM moved GROUP BY day
        ON CONFLICT (day) DO UPDATE SET
            page_views = t.page_views + EXCLUDED.page_views,
            visits = t.visits + EXCLUDED.visits,
            visitors = t.visitors + EXCLUDED.visitors,
            bot_hits = t.bot_hits + EXCLUDED.bot_hits
    ), hourly AS (
        INSERT INTO stats_hourlytraffic AS t (day, hour, page_views, visits)
        SELECT day, hour, count(*), count(*) FILTER (WHERE new_visit)
        FROM moved WHERE NOT is_bot GROUP BY day, hour
        ON CONFLICT (day, hour) DO UPDATE SET
            page_views = t.page_views + EXCLUDED.page_views,
            visits = t.visits + EXCLUDED.visits
    ), articles AS (
        INSERT INTO stats_articledailyviews AS t (day, article_id, views)
        SELECT m.day, m.article_id, count(*)
        FROM moved m JOIN news_article a ON a.id = m.article_id
        WHERE m.article_view GROUP BY m.day, m.article_id
        ON CONFLICT (day, article_id) DO UPDATE SET views = t.views + EXCLUDED.views
    ), referrers AS (
        INSERT INTO stats_referrerdaily AS t (day, host, page_views)
        SELECT day, referrer_host, count(*)
        FROM moved WHERE NOT is_bot AND referrer_host <> ''
        GROUP BY day, referrer_host
        ON CONFLICT (day, host) DO UPDATE SET
            page_views = t.page_views + EXCLUDED.page_views
    ), clients AS (
        INSERT INTO stats_clientdaily AS t (day, kind, name, visits)
        SELECT day, kind, name, count(*) FROM (
            SELECT day, 'device' AS kind, device AS name FROM moved WHERE new_visit
            UNION ALL
            SELECT day, 'browser', browser FROM moved WHERE new_visit
            UNION ALL
            SELECT day, 'os', os FROM moved WHERE new_visit
        ) c WHERE name <> '' GROUP BY day, kind, name
        ON CONFLICT (day, kind, name) DO UPDATE SET visits = t.visits + EXCLUDED.visits
    ), bots AS (
        INSERT INTO stats_botdaily AS t (day, name, hits)
        SELECT day, bot_name, count(*) FROM moved WHERE is_bot GROUP BY day, bot_name
        ON CONFLICT (day, name) DO UPDATE SET hits = t.hits + EXCLUDED.hits
    )
    SELECT count(*) FROM moved
"""


def local_day_hour(at):
    local = timezone.localtime(at)
    return local.date(), local.hour


def record_page_view(
    *,
    at,
    visitor,
    article_id=None,
    bot_name="",
    referrer_host="",
    device="",
    browser="",
    os="",
):
    """Record one page view (``bot_name`` set: one bot hit) in one SQL statement.

    For a reader it upserts the visitor's row of the day, which says whether the
    view opens a new visit (more than 30 minutes since their last page view) and
    whether the visitor is new today, and for an article the visitor's 30-minute
    article window; then it appends the raw page view that ``rollup`` adds to the
    day-level tables.
    """
    day, hour = local_day_hour(at)
    params = {
        "at": at,
        "day": day,
        "hour": hour,
        "visitor": visitor,
        "article_id": article_id,
        "bot_name": bot_name[:100],
        "referrer_host": referrer_host[:255],
        "device": device[:20],
        "browser": browser[:50],
        "os": os[:50],
        "visit_gap": VISIT_GAP,
        "article_gap": ARTICLE_VIEW_GAP,
    }
    if bot_name:
        sql = BOT_SQL
    elif article_id is not None:
        sql = ARTICLE_READER_SQL
    else:
        sql = READER_SQL
    if not getattr(settings, "STATS_SYNCHRONOUS_COMMIT", False):
        # In autocommit the two statements run as one implicit transaction.
        sql = _ASYNC_COMMIT + sql
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def rollup(*, batch=ROLLUP_BATCH):
    """Add every raw page view not yet rolled up to the day-level tables.

    Safe to run at any time and from several processes at once: each batch marks
    its rows and adds them in one statement, and rows another run holds are
    skipped, so a page view is added exactly once. Returns how many were added.
    """
    added = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(ROLLUP_SQL, {"batch": batch})
            moved = cursor.fetchone()[0]
        added += moved
        if moved < batch:
            return added


def prune(*, now=None):
    """Delete raw state the windows no longer need; aggregates are never pruned.

    Raw page views already rolled up and older than 30 minutes, visitors of past
    days (their hash salt has rotated) once they are no longer online (the
    online-now figure counts visitor rows: a reader seen at 23:59 is still online
    at 00:01) and article windows older than 30 minutes. Returns the number of rows
    deleted per table.
    """
    from stats.models import PageView, RecentArticleView, Visitor

    now = now or timezone.now()
    today, _hour = local_day_hour(now)
    return {
        "pageviews": PageView.objects.filter(
            rolled=True, at__lt=now - RAW_KEEP
        ).delete()[0],
        "visitors": Visitor.objects.filter(
            day__lt=today, last_seen__lt=now - ONLINE_WINDOW
        ).delete()[0],
        "article_windows": RecentArticleView.objects.filter(
            counted_at__lt=now - ARTICLE_VIEW_GAP
        ).delete()[0],
    }


def rollup_and_prune(*, now=None):
    return {"rolled_up": rollup(), **prune(now=now)}
