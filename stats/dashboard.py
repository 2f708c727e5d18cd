"""The administrators' dashboard: its cards, charts and tables for a period.

Every figure reads the day-level tables (one query each), after the raw page views
have been rolled up; only 'online now' reads the last minutes of raw page views.
Each table is a ``Table`` so the page and its CSV export show the same rows.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from html import escape

from django.apps import apps
from django.db.models import Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from news.models import Article
from portal.models import SiteSettings
from stats import services
from stats.models import (
    ArticleDailyViews,
    BotDaily,
    ClientDaily,
    DailyTraffic,
    HourlyTraffic,
    OpeningVisits,
    PageView,
    ReferrerDaily,
)
from stats.querysets import day_range

TOP = 20


@dataclass
class Table:
    slug: str
    title: str
    headers: list
    rows: list = field(default_factory=list)

    def body_html(self):
        """The rows as ``<tr>`` elements, numbers and dates written for the active
        language. Built here rather than in the template: a year of days is two
        thousand cells, which the template language takes far longer to render."""
        thousands = get_format("THOUSAND_SEPARATOR")
        decimal = get_format("DECIMAL_SEPARATOR")

        def text(cell):
            if cell is None:
                return "–"
            if isinstance(cell, date):
                return cell.strftime("%d/%m/%Y")
            if isinstance(cell, bool):
                return str(cell)
            if isinstance(cell, int):
                return f"{cell:,}".replace(",", thousands)
            if isinstance(cell, float | Decimal):
                return (
                    f"{cell:,.1f}".replace(",", "\0")
                    .replace(".", decimal)
                    .replace("\0", thousands)
                )
            return cell

        # Every cell is escaped here (stdlib escape: the cheapest per cell).
        return mark_safe(
            "\n".join(
                "<tr>"
                + "".join(f"<td>{escape(str(text(c)))}</td>" for c in row)
                + "</tr>"
                for row in self.rows
            )
        )


@dataclass
class Card:
    label: str
    value: int
    previous: int | None
    previous_label: str

    @property
    def change(self):
        return None if self.previous is None else self.value - self.previous

    @property
    def change_percent(self):
        if not self.previous:
            return None
        return round(100 * (self.value - self.previous) / self.previous, 1)


def month_start(day, back=0):
    """The first day of the month ``back`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - back
    return day.replace(year=index // 12, month=index % 12 + 1, day=1)


def same_day_last_month(today):
    """The day of last month with today's number, or None when last month is
    shorter (then all of last month lies before the same moment)."""
    last_month = month_start(today, 1)
    next_month = month_start(today)
    if today.day > (next_month - timedelta(days=1)).day:
        return None
    return last_month.replace(day=today.day)


def comparison_days(today):
    """The earlier days whose hours the cards compare with today's: yesterday and
    the same day last month (if any)."""
    return [d for d in (today - timedelta(days=1), same_day_last_month(today)) if d]


def hourly_rows(days):
    """{(day, hour): (visits, page_views)} for ``days``, in one query."""
    return {
        (row["day"], row["hour"]): (row["visits"], row["page_views"])
        for row in HourlyTraffic.objects.filter(day__in=days).values(
            "day", "hour", "visits", "page_views"
        )
    }


def until_same_time(hours, day, now):
    """(visits, page views) of ``day`` up to the time of day ``now`` shows: its
    whole hours before, and the share of the current hour already gone (hours
    hold whole-hour counts)."""
    local = timezone.localtime(now)
    share = (local.minute * 60 + local.second) / 3600
    visits = page_views = 0
    for hour in range(local.hour + 1):
        v, pv = hours.get((day, hour), (0, 0))
        weight = share if hour == local.hour else 1
        visits += v * weight
        page_views += pv * weight
    return round(visits), round(page_views)


def opening_visits():
    """``{(year, month): visits}`` brought from an old system (one query; a few
    rows a year). Month 0 is the part of a year not known by month."""
    return {
        (year, month): visits
        for year, month, visits in OpeningVisits.objects.values_list(
            "year", "month", "visits"
        )
    }


def cards(now, today, hours=None, opening=None):
    """The five cards. Today and this month are compared with the same moment
    of yesterday and of last month (a partial day against a whole one read as a
    fall of nearly 100% just after midnight); ``hours`` are ``hourly_rows`` of
    ``comparison_days(today)`` (read here if not given)."""
    if hours is None:
        hours = hourly_rows(comparison_days(today))
    online_since = now - services.ONLINE_WINDOW
    before = online_since - services.ONLINE_WINDOW
    recent = PageView.objects.filter(is_bot=False, at__gte=before, at__lte=now)
    online = recent.aggregate(
        now=_distinct_visitors(Q(at__gte=online_since)),
        before=_distinct_visitors(Q(at__lt=online_since)),
    )
    yesterday = today - timedelta(days=1)
    this_month, last_month = month_start(today), month_start(today, 1)
    same_day = same_day_last_month(today)
    last_month_before = (
        Q(day__gte=last_month, day__lt=same_day)
        if same_day
        else Q(day__gte=last_month, day__lt=this_month)
    )
    sums = DailyTraffic.objects.aggregate(
        today=Sum("visits", filter=Q(day=today), default=0),
        month=Sum("visits", filter=Q(day__gte=this_month, day__lte=today), default=0),
        last_month=Sum("visits", filter=last_month_before, default=0),
        total=Sum("visits", default=0),
        pv_today=Sum("page_views", filter=Q(day=today), default=0),
    )
    until_yesterday = until_same_time(hours, yesterday, now)
    last_month_part = until_same_time(hours, same_day, now)[0] if same_day else 0
    offset = SiteSettings.load().visits_offset
    # Visits brought from an old system count in their month (whole months).
    opening = opening or {}
    month = sums["month"] + opening.get((this_month.year, this_month.month), 0)
    previous_month = sums["last_month"] + opening.get(
        (last_month.year, last_month.month), 0
    )
    return [
        Card(_("Đang truy cập"), online["now"], online["before"], _("5 phút trước")),
        Card(_("Hôm nay"), sums["today"], until_yesterday[0], _("cùng giờ hôm qua")),
        Card(
            _("Tháng hiện tại"),
            month,
            previous_month + last_month_part,
            _("cùng kỳ tháng trước"),
        ),
        Card(
            _("Tổng lượt truy cập"),
            sums["total"] + offset,
            sums["total"] + offset - sums["today"],
            _("hết hôm qua"),
        ),
        Card(
            _("Lượt xem trang hôm nay"),
            sums["pv_today"],
            until_yesterday[1],
            _("cùng giờ hôm qua"),
        ),
    ]


def _distinct_visitors(condition):
    from django.db.models import Count

    return Count("visitor", filter=condition, distinct=True)


def build(*, start, end, now=None):
    """Everything the dashboard shows for the days ``start``..``end``."""
    services.rollup()
    now = now or timezone.now()
    today = timezone.localdate(now)
    # Today's hours (the hourly table) and those the cards compare with.
    hours = hourly_rows([today, *comparison_days(today)])
    opening = opening_visits()
    daily, monthly, hourly = (
        daily_table(start, end),
        monthly_table(today, opening),
        hourly_table(today, hours),
    )
    return {
        "now": now,
        "today": today,
        "cards": cards(now, today, hours, opening),
        "daily": daily,
        "monthly": monthly,
        "hourly": hourly,
        "tables": [
            top_articles(start, end),
            referrers(start, end),
            *clients(start, end),
            bots(start, end),
            daily,
            monthly,
            yearly_table(today, opening),
            hourly,
        ],
    }


def export_table(slug, *, start, end, now=None):
    """The one dashboard table ``slug`` (for its CSV file), or None if there is
    no such table; only that table's query runs."""
    today = timezone.localdate(now or timezone.now())
    builders = {
        "articles": lambda: [top_articles(start, end)],
        "referrers": lambda: [referrers(start, end)],
        "devices": lambda: clients(start, end),
        "browsers": lambda: clients(start, end),
        "systems": lambda: clients(start, end),
        "bots": lambda: [bots(start, end)],
        "daily": lambda: [daily_table(start, end)],
        "monthly": lambda: [monthly_table(today, opening_visits())],
        "yearly": lambda: [yearly_table(today, opening_visits())],
        "hourly": lambda: [hourly_table(today)],
    }
    if slug not in builders:
        return None
    services.rollup()
    return next(table for table in builders[slug]() if table.slug == slug)


def daily_table(start, end):
    days = day_range(start, end)
    by_day = {
        row["day"]: row
        for row in DailyTraffic.objects.between(start, end).values(
            "day", "visits", "page_views", "visitors", "bot_hits"
        )
    }
    daily = Table(
        "daily",
        _("Theo ngày"),
        [
            _("Ngày"),
            _("Lượt truy cập"),
            _("Lượt xem trang"),
            _("Khách truy cập"),
            _("Máy tìm kiếm (bot)"),
        ],
    )
    for day in days:
        row = by_day.get(day, {})
        daily.rows.append(
            [
                day,
                row.get("visits", 0),
                row.get("page_views", 0),
                row.get("visitors", 0),
                row.get("bot_hits", 0),
            ]
        )

    return daily


def monthly_table(today, opening=None):
    """Visits and page views of the last 12 months; visits include the opening
    visits brought from an old system."""
    opening = opening or {}
    first_month = month_start(today, 11)
    by_month = {
        row["month"]: row
        for row in DailyTraffic.objects.per_month(
            first_month=first_month, last_day=today
        )
    }
    monthly = Table(
        "monthly",
        _("Theo tháng (12 tháng)"),
        [_("Tháng"), _("Lượt truy cập"), _("Lượt xem trang")],
    )
    for back in range(11, -1, -1):
        month = month_start(today, back)
        row = by_month.get(month, {})
        monthly.rows.append(
            [
                month.strftime("%m/%Y"),
                (row.get("visits") or 0) + opening.get((month.year, month.month), 0),
                row.get("page_views") or 0,
            ]
        )

    return monthly


def yearly_table(today, opening=None):
    """Visits and page views per year since the first counted (or brought over)
    year; visits include the opening visits brought from an old system."""
    opening = opening or {}
    ours = {
        row["year"]: row
        for row in DailyTraffic.objects.filter(day__lte=today)
        .annotate(year=ExtractYear("day"))
        .values("year")
        .annotate(visits=Sum("visits"), page_views=Sum("page_views"))
        .order_by()
    }
    brought = {}
    for (year, _month), visits in opening.items():
        brought[year] = brought.get(year, 0) + visits
    years = set(ours) | set(brought)
    yearly = Table(
        "yearly",
        _("Theo năm"),
        [_("Năm"), _("Lượt truy cập"), _("Lượt xem trang")],
    )
    for year in range(min(years, default=today.year), today.year + 1):
        row = ours.get(year, {})
        yearly.rows.append(
            [
                str(year),
                (row.get("visits") or 0) + brought.get(year, 0),
                row.get("page_views") or 0,
            ]
        )
    return yearly


def hourly_table(today, hours=None):
    """Today's hours; ``hours`` are ``hourly_rows`` holding today (read if not
    given)."""
    if hours is None:
        hours = hourly_rows([today])
    by_hour = {
        hour: {"visits": visits, "page_views": page_views}
        for (day, hour), (visits, page_views) in hours.items()
        if day == today
    }
    hourly = Table(
        "hourly",
        _("Theo giờ hôm nay"),
        [_("Giờ"), _("Lượt truy cập"), _("Lượt xem trang")],
    )
    for hour in range(24):
        row = by_hour.get(hour, {})
        hourly.rows.append(
            [f"{hour:02d}:00", row.get("visits", 0), row.get("page_views", 0)]
        )

    return hourly


def top_articles(start, end):
    rows = list(ArticleDailyViews.objects.top(start, end, limit=TOP))
    ids = [row["article_id"] for row in rows]
    titles = dict(Article.objects.filter(pk__in=ids).values_list("pk", "title"))
    ratings = _optional("ratings", "Vote", "summaries", ids)
    comments = _optional("comments", "Comment", "visible_counts", ids)
    headers = [_("Bài viết"), _("Lượt xem")]
    if ratings is not None:
        headers.append(_("Điểm trung bình"))
    if comments is not None:
        headers.append(_("Bình luận"))
    table = Table("articles", _("Bài viết được xem nhiều nhất"), headers)
    for row in rows:
        line = [titles.get(row["article_id"], ""), row["views"]]
        if ratings is not None:
            summary = ratings.get(row["article_id"])
            line.append(getattr(summary, "average", None) if summary else None)
        if comments is not None:
            line.append(comments.get(row["article_id"], 0))
        table.rows.append(line)
    return table


def _optional(app_label, model_name, method, ids):
    """``Model.objects.method(ids)`` of another app, or None while it has none."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    function = getattr(model.objects, method, None)
    return function(ids) if function is not None else None


def referrers(start, end):
    table = Table(
        "referrers", _("Nguồn giới thiệu"), [_("Trang web"), _("Lượt xem trang")]
    )
    table.rows = [
        [row["host"], row["total"]]
        for row in ReferrerDaily.objects.between(start, end)
        .values("host")
        .annotate(total=Sum("page_views"))
        .order_by("-total", "host")[:TOP]
    ]
    return table


def clients(start, end):
    rows = (
        ClientDaily.objects.between(start, end)
        .values("kind", "name")
        .annotate(total=Sum("visits"))
        .order_by("kind", "-total", "name")
    )
    tables = {
        kind: Table(
            f"{kind}s" if kind != "os" else "systems",
            label,
            [label, _("Lượt truy cập")],
        )
        for kind, label in ClientDaily.Kind.choices
    }
    for row in rows:
        table = tables[row["kind"]]
        if len(table.rows) < TOP:
            table.rows.append([_device_label(row["kind"], row["name"]), row["total"]])
    return list(tables.values())


DEVICE_LABELS = {
    "desktop": _("Máy tính"),
    "mobile": _("Điện thoại"),
    "tablet": _("Máy tính bảng"),
    "other": _("Khác"),
}


def _device_label(kind, name):
    if kind == ClientDaily.Kind.DEVICE:
        return DEVICE_LABELS.get(name, name)
    return name


def bots(start, end):
    table = Table("bots", _("Máy tìm kiếm (bot)"), [_("Bot"), _("Lượt")])
    table.rows = [
        [row["name"], row["total"]]
        for row in BotDaily.objects.between(start, end)
        .values("name")
        .annotate(total=Sum("hits"))
        .order_by("-total", "name")[:TOP]
    ]
    return table


def partial_note(now):
    """How the charts mark today (and this month) as not over yet."""
    return _("đến %(time)s") % {"time": timezone.localtime(now).strftime("%H:%M")}


def chart_data(data):
    """What static/js/stats-dashboard.js draws, as plain JSON-able lists.

    Today, the last day of the daily charts when the period ends today, and this
    month, the last month of the monthly chart, are not over: ``partial`` gives
    their positions, which the script draws dashed or hatched, with the time in
    their labels, so that a partial day does not read as a fall.
    """
    daily, monthly, hourly = data["daily"], data["monthly"], data["hourly"]
    today = data.get("today")
    note = partial_note(data["now"]) if "now" in data else ""
    daily_partial = (
        len(daily.rows) - 1 if daily.rows and daily.rows[-1][0] == today else None
    )
    daily_labels = [row[0].strftime("%d/%m/%Y") for row in daily.rows]
    if daily_partial is not None:
        daily_labels[daily_partial] += f" ({note})"
    monthly_labels = [row[0] for row in monthly.rows]
    if monthly_labels and note:
        monthly_labels[-1] += f" ({note})"
    return {
        "partial": {
            "daily": daily_partial,
            "monthly": len(monthly_labels) - 1 if note else None,
        },
        "daily": {
            "labels": daily_labels,
            "visits": [row[1] for row in daily.rows],
            "page_views": [row[2] for row in daily.rows],
            "bots": [row[4] for row in daily.rows],
        },
        "monthly": {
            "labels": monthly_labels,
            "visits": [row[1] for row in monthly.rows],
            "page_views": [row[2] for row in monthly.rows],
        },
        "hourly": {
            "labels": [row[0] for row in hourly.rows],
            "visits": [row[1] for row in hourly.rows],
            "page_views": [row[2] for row in hourly.rows],
        },
        "labels": {
            "visits": str(_("Lượt truy cập")),
            "page_views": str(_("Lượt xem trang")),
            "bots": str(_("Máy tìm kiếm (bot)")),
        },
    }
