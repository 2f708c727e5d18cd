"""The editorial activity report: articles published per author and per category."""

from datetime import datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import Article
from stats.dashboard import Table


def published_between(start, end):
    """Articles published (and visible to readers now) on the days start..end."""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    return Article.objects.published().filter(
        publish_at__gte=since, publish_at__lt=until
    )


def report(*, start, end):
    articles = published_between(start, end)
    authors = Table(
        "authors",
        _("Bài đã đăng theo người viết"),
        [_("Người viết"), _("Tài khoản"), _("Số bài")],
    )
    for row in (
        articles.values(
            "created_by__username", "created_by__first_name", "created_by__last_name"
        )
        .annotate(count=Count("id"))
        .order_by("-count", "created_by__username")
    ):
        name = " ".join(
            part
            for part in (row["created_by__last_name"], row["created_by__first_name"])
            if part
        )
        username = row["created_by__username"]
        authors.rows.append(
            [name or username or _("(không rõ)"), username or "", row["count"]]
        )
    categories = Table(
        "categories", _("Bài đã đăng theo chuyên mục"), [_("Chuyên mục"), _("Số bài")]
    )
    categories.rows = [
        [row["category__name"], row["count"]]
        for row in articles.values("category__name")
        .annotate(count=Count("id"))
        .order_by("-count", "category__name")
    ]
    total = Table("total", _("Tổng"), [_("Từ ngày"), _("Đến ngày"), _("Số bài")])
    total.rows = [[start, end, sum(row[-1] for row in categories.rows)]]
    return [authors, categories, total]
