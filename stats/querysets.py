"""Reads of the statistics tables. Each dashboard figure is one query here."""

from datetime import timedelta

from django.db import connection, models
from django.db.models import Sum
from django.db.models.functions import TruncMonth


class DailyQuerySet(models.QuerySet):
    def between(self, start, end):
        """Rows of the days from ``start`` to ``end``, both included."""
        return self.filter(day__gte=start, day__lte=end)


class DailyTrafficQuerySet(DailyQuerySet):
    def headline(self, *, now, today, online_window):
        """The 'Thống kê truy cập' figures in one query: online now (visitors
        whose day row says their last page view is in the window: a few thousand
        rows, not the raw page views of the last minutes) and visits today, this
        month and in all, including page views not yet rolled up and this month's
        opening visits (``OpeningVisits``). The site's starting offset of the
        total is added by the caller."""
        from stats.models import OpeningVisits, PageView, Visitor

        daily = self.model._meta.db_table
        raw = PageView._meta.db_table
        opening = OpeningVisits._meta.db_table
        visitors = Visitor._meta.db_table
        sql = f"""
            SELECT o.online,
                   d.today + p.today, d.month + p.month + m.month, d.total + p.total
            FROM (SELECT COALESCE(sum(visits), 0) AS month FROM {opening}
                  WHERE year = %(year)s AND month = %(month_number)s) m, (SELECT count(*) AS online FROM {visitors}
                  WHERE last_seen >= %(since)s AND last_seen <= %(now)s) o,
                 (SELECT COALESCE(sum(visits) FILTER (WHERE day = %(today)s), 0)
                           AS today,
                         COALESCE(sum(visits) FILTER (
                           WHERE day >= %(month)s AND day <= %(today)s), 0) AS month,
                         COALESCE(sum(visits), 0) AS total
                  FROM {daily}) d,
                 (SELECT count(*) FILTER (WHERE day = %(today)s) AS today,
                         count(*) FILTER (
                           WHERE day >= %(month)s AND day <= %(today)s) AS month,
                         count(*) AS total
                  FROM {raw} WHERE NOT rolled AND new_visit) p
        """
        params = {
            "since": now - online_window,
            "now": now,
            "today": today,
            "month": today.replace(day=1),
            "year": today.year,
            "month_number": today.month,
        }
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            online, today_visits, month_visits, total_visits = cursor.fetchone()
        return {
            "online": online,
            "today": today_visits,
            "month": month_visits,
            "total": total_visits,
        }

    def per_month(self, *, first_month, last_day):
        """Visits and page views per calendar month from ``first_month`` on."""
        return (
            self.filter(day__gte=first_month, day__lte=last_day)
            .annotate(month=TruncMonth("day"))
            .values("month")
            .annotate(visits=Sum("visits"), page_views=Sum("page_views"))
            .order_by("month")
        )


class ArticleDailyViewsQuerySet(DailyQuerySet):
    def top(self, start, end, *, limit=20, published_only=False):
        """Ids of the articles with the most views between two days, most viewed
        first, with their ``views``. Titles are left to the caller (one query for
        the few ids): grouping by the title too made a year's top list five times
        slower."""
        rows = self.between(start, end)
        if published_only:
            from news.models import Article

            rows = rows.filter(article__in=Article.objects.published())
        return (
            rows.values("article_id")
            .annotate(views=Sum("views"))
            .order_by("-views", "article_id")[:limit]
        )

    def per_day(self, article, *, start, end):
        return (
            self.between(start, end)
            .filter(article=article)
            .values_list("day", "views")
            .order_by("day")
        )


def day_range(start, end):
    """Every date from ``start`` to ``end``, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def article_view_total(article_id):
    """An article's views since counting began, including those not rolled up,
    plus the views it brought from an old system (``OpeningArticleViews``)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT COALESCE((SELECT sum(views) FROM stats_articledailyviews
                             WHERE article_id = %(id)s), 0)
                 + (SELECT count(*) FROM stats_pageview
                    WHERE NOT rolled AND article_view AND article_id = %(id)s)
                 + COALESCE((SELECT views FROM stats_openingarticleviews
                             WHERE article_id = %(id)s), 0)
            """,
            {"id": article_id},
        )
        return cursor.fetchone()[0]
