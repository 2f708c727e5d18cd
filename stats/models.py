"""Visit statistics: a short queue of raw page views, the recent-visitor state the
visit and online-now windows need, and day-level aggregates kept forever.

Every reader-facing figure and every dashboard query reads the day-level tables
(plus the few raw page views not yet rolled up). See docs/statistics.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from stats.querysets import (
    ArticleDailyViewsQuerySet,
    DailyQuerySet,
    DailyTrafficQuerySet,
)


class PageView(models.Model):
    """A raw page view (or bot hit) of the last half hour.

    ``services.rollup`` adds rows not yet ``rolled`` to the day-level tables and
    marks them; ``services.prune`` deletes them once the online-now window (5
    minutes, and the 5 before for the dashboard's comparison) no longer needs them.
    """

    at = models.DateTimeField(_("thời điểm"))
    day = models.DateField(_("ngày"))
    hour = models.PositiveSmallIntegerField(_("giờ"))
    visitor = models.CharField(_("khách truy cập"), max_length=32, blank=True)
    article_id = models.BigIntegerField(_("bài viết"), null=True, blank=True)
    is_bot = models.BooleanField(_("máy tìm kiếm (bot)"), default=False)
    bot_name = models.CharField(_("tên bot"), max_length=100, blank=True)
    new_visit = models.BooleanField(_("mở đầu lượt truy cập"), default=False)
    new_visitor = models.BooleanField(_("khách mới trong ngày"), default=False)
    article_view = models.BooleanField(_("tính lượt xem bài"), default=False)
    referrer_host = models.CharField(_("nguồn giới thiệu"), max_length=255, blank=True)
    device = models.CharField(_("thiết bị"), max_length=20, blank=True)
    browser = models.CharField(_("trình duyệt"), max_length=50, blank=True)
    os = models.CharField(_("hệ điều hành"), max_length=50, blank=True)
    rolled = models.BooleanField(_("đã tổng hợp"), default=False)

    class Meta:
        verbose_name = _("lượt xem trang gần đây")
        verbose_name_plural = _("lượt xem trang gần đây")
        permissions = [("view_statistics", _("Có thể xem thống kê truy cập"))]
        indexes = [
            models.Index(fields=["at"], name="stats_pageview_at_idx"),
            models.Index(
                fields=["id"],
                condition=models.Q(rolled=False),
                name="stats_pageview_pending_idx",
            ),
            # The visits not rolled up yet, which the side block adds every few
            # seconds: a few thousand rows even when page views come by the
            # hundred thousand.
            models.Index(
                fields=["day"],
                condition=models.Q(rolled=False, new_visit=True),
                name="stats_pageview_new_visit_idx",
            ),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.visitor or self.bot_name}"


class Visitor(models.Model):
    """A visitor seen today: the salted hash of IP and user agent, never the IP.

    The salt changes with the date, so these rows mean nothing after their day and
    are pruned.
    """

    day = models.DateField(_("ngày"))
    visitor = models.CharField(_("khách truy cập"), max_length=32)
    first_seen = models.DateTimeField(_("lần đầu"))
    last_seen = models.DateTimeField(_("lần cuối"))
    new_visit = models.BooleanField(
        _("lượt xem cuối mở đầu lượt truy cập"),
        default=True,
        help_text=_("Ghi bởi lần xem trang gần nhất của khách."),
    )

    class Meta:
        verbose_name = _("khách đang theo dõi")
        verbose_name_plural = _("khách đang theo dõi")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "visitor"], name="stats_one_visitor_row_per_day"
            ),
        ]
        # 'Đang truy cập': visitors whose last page view is recent.
        indexes = [models.Index(fields=["last_seen"], name="stats_visitor_seen_idx")]

    def __str__(self):
        return self.visitor


class RecentArticleView(models.Model):
    """When a visitor's view of an article last counted (the 30-minute window)."""

    visitor = models.CharField(_("khách truy cập"), max_length=32)
    article_id = models.BigIntegerField(_("bài viết"))
    counted_at = models.DateTimeField(_("lần tính gần nhất"), db_index=True)
    counted = models.BooleanField(_("lần xem cuối được tính"), default=True)

    class Meta:
        verbose_name = _("lượt xem bài gần đây")
        verbose_name_plural = _("lượt xem bài gần đây")
        constraints = [
            models.UniqueConstraint(
                fields=["visitor", "article_id"],
                name="stats_one_recent_view_per_visitor_article",
            ),
        ]

    def __str__(self):
        return f"{self.visitor} → {self.article_id}"


class DailyTraffic(models.Model):
    day = models.DateField(_("ngày"))
    page_views = models.PositiveBigIntegerField(_("lượt xem trang"), default=0)
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)
    visitors = models.PositiveBigIntegerField(_("khách truy cập"), default=0)
    bot_hits = models.PositiveBigIntegerField(_("lượt của bot"), default=0)

    objects = DailyTrafficQuerySet.as_manager()

    class Meta:
        verbose_name = _("lưu lượng theo ngày")
        # The admin lists this model as the entry to the dashboard.
        verbose_name_plural = _("bảng thống kê truy cập")
        constraints = [
            models.UniqueConstraint(
                fields=["day"], name="stats_one_traffic_row_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.day}"


class HourlyTraffic(models.Model):
    day = models.DateField(_("ngày"))
    hour = models.PositiveSmallIntegerField(_("giờ"))
    page_views = models.PositiveBigIntegerField(_("lượt xem trang"), default=0)
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    objects = DailyQuerySet.as_manager()

    class Meta:
        verbose_name = _("lưu lượng theo giờ")
        verbose_name_plural = _("lưu lượng theo giờ")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "hour"], name="stats_one_traffic_row_per_hour"
            ),
            models.CheckConstraint(
                condition=models.Q(hour__lte=23), name="stats_hour_of_day"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.hour:02d}h"


class ArticleDailyViews(models.Model):
    day = models.DateField(_("ngày"))
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    objects = ArticleDailyViewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt xem bài theo ngày")
        verbose_name_plural = _("lượt xem bài theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "article"], name="stats_one_views_row_per_article_day"
            ),
        ]
        indexes = [
            models.Index(fields=["article", "day"], name="stats_article_day_idx"),
        ]

    def __str__(self):
        return f"{self.day} {self.article_id}"


class ReferrerDaily(models.Model):
    day = models.DateField(_("ngày"))
    host = models.CharField(_("nguồn giới thiệu"), max_length=255)
    page_views = models.PositiveBigIntegerField(_("lượt xem trang"), default=0)

    objects = DailyQuerySet.as_manager()

    class Meta:
        verbose_name = _("nguồn giới thiệu theo ngày")
        verbose_name_plural = _("nguồn giới thiệu theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "host"], name="stats_one_referrer_row_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.host}"


class ClientDaily(models.Model):
    """Visits per day by device class, browser or operating system."""

    class Kind(models.TextChoices):
        DEVICE = "device", _("Thiết bị")
        BROWSER = "browser", _("Trình duyệt")
        OS = "os", _("Hệ điều hành")

    day = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=50)
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    objects = DailyQuerySet.as_manager()

    class Meta:
        verbose_name = _("thiết bị, trình duyệt theo ngày")
        verbose_name_plural = _("thiết bị, trình duyệt theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "name"], name="stats_one_client_row_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.kind} {self.name}"


class BotDaily(models.Model):
    day = models.DateField(_("ngày"))
    name = models.CharField(_("tên bot"), max_length=100)
    hits = models.PositiveBigIntegerField(_("lượt"), default=0)

    objects = DailyQuerySet.as_manager()

    class Meta:
        verbose_name = _("bot theo ngày")
        verbose_name_plural = _("bot theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "name"], name="stats_one_bot_row_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.name}"


class OpeningVisits(models.Model):
    """Visits counted by the system the site came from, by year and month, so
    that the month, year and total figures continue from the old ones.

    ``month`` 0 holds the visits of the year that the old system no longer
    splits by month. The total's own offset is ``SiteSettings.visits_offset``.
    """

    year = models.PositiveSmallIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(
        _("tháng"),
        help_text=_("1–12; 0 là phần của năm không rõ tháng."),
    )
    visits = models.PositiveBigIntegerField(
        _("lượt truy cập"),
        help_text=_("Cộng vào lượt truy cập của tháng (và của năm) này."),
    )

    class Meta:
        verbose_name = _("lượt truy cập ban đầu")
        verbose_name_plural = _("lượt truy cập ban đầu")
        ordering = ["year", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month"], name="stats_one_opening_row_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(month__lte=12), name="stats_opening_month_0_to_12"
            ),
        ]

    def __str__(self):
        return f"{self.month:02d}/{self.year}" if self.month else f"{self.year}"


class OpeningArticleViews(models.Model):
    """An article's views counted by the system it came from; its 'Lượt xem'
    continues from this figure."""

    article = models.OneToOneField(
        "news.Article",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="opening_views",
    )
    views = models.PositiveBigIntegerField(
        _("lượt xem ban đầu"),
        help_text=_("Cộng vào lượt xem của bài viết."),
    )

    class Meta:
        verbose_name = _("lượt xem bài ban đầu")
        verbose_name_plural = _("lượt xem bài ban đầu")

    def __str__(self):
        return f"{self.article_id}: {self.views}"
