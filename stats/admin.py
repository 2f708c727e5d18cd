"""The statistics in the admin: the dashboard (as the changelist of DailyTraffic,
so it is listed on the admin index), its CSV exports, the editorial activity report
and a views panel on each article's change page."""

import csv
from datetime import timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from news import admin_hooks
from stats import dashboard, editorial
from stats.forms import RangeForm
from stats.models import (
    ArticleDailyViews,
    DailyTraffic,
    OpeningArticleViews,
    OpeningVisits,
)
from stats.querysets import article_view_total, day_range

PERMISSION = "stats.view_statistics"


@admin.register(DailyTraffic)
class StatisticsAdmin(admin.ModelAdmin):
    """Not an editable list: the dashboard, for users who may view statistics."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.has_perm(PERMISSION)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "export/<slug:table>.csv",
                wrap(self.export_view),
                name="stats_dailytraffic_export",
            ),
            path(
                "editorial/",
                wrap(self.editorial_view),
                name="stats_editorial_report",
            ),
            path("", wrap(self.changelist_view), name="stats_dailytraffic_changelist"),
        ]

    def check_permission(self, request):
        if not self.has_module_permission(request):
            raise PermissionDenied

    def period(self, request):
        form = RangeForm(request.GET or None)
        if request.GET and not form.is_valid():
            return form, None
        if not request.GET:
            form = RangeForm({"range": "30"})
            form.is_valid()
        return form, (form.cleaned_data["start"], form.cleaned_data["end"])

    def bad_period(self, request, form, template="admin/stats/dashboard.html"):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Thống kê truy cập"),
            "form": form,
            "error": form.error_text(),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, template, context, status=400)

    def changelist_view(self, request, extra_context=None):
        self.check_permission(request)
        form, period = self.period(request)
        if period is None:
            return self.bad_period(request, form)
        start, end = period
        data = dashboard.build(start=start, end=end)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Thống kê truy cập"),
            "form": form,
            "start": start,
            "end": end,
            "query": request.GET.urlencode(),
            "data": data,
            "charts": dashboard.chart_data(data),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/stats/dashboard.html", context)

    def export_view(self, request, table):
        self.check_permission(request)
        form, period = self.period(request)
        if period is None:
            return HttpResponse(
                form.error_text(), status=400, content_type="text/plain; charset=utf-8"
            )
        found = dashboard.export_table(table, start=period[0], end=period[1])
        if found is None:
            raise Http404(_("Không có bảng này."))
        return csv_response(found, f"thong-ke-{table}-{period[0]}-{period[1]}.csv")

    def editorial_view(self, request):
        self.check_permission(request)
        form, period = self.period(request)
        template = "admin/stats/editorial.html"
        if period is None:
            return self.bad_period(request, form, template)
        tables = editorial.report(start=period[0], end=period[1])
        wanted = request.GET.get("csv")
        if wanted:
            table = {t.slug: t for t in tables}.get(wanted)
            if table is None:
                raise Http404(_("Không có bảng này."))
            return csv_response(
                table, f"hoat-dong-bien-tap-{wanted}-{period[0]}-{period[1]}.csv"
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Hoạt động biên tập"),
            "form": form,
            "start": period[0],
            "end": period[1],
            "query": request.GET.urlencode(),
            "tables": tables,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, template, context)


def csv_response(table, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads the file as UTF-8 with the BOM
    writer = csv.writer(response)
    writer.writerow([str(header) for header in table.headers])
    for row in table.rows:
        writer.writerow(["" if cell is None else _csv_cell(cell) for cell in row])
    return response


def _csv_cell(cell):
    if hasattr(cell, "isoformat"):
        return cell.isoformat()
    text = str(cell)
    # A cell starting with = + - @ would be a formula in a spreadsheet.
    return (
        "'" + text
        if text[:1] in ("=", "+", "-", "@") and not _is_number(cell)
        else text
    )


def _is_number(cell):
    return isinstance(cell, int | float)


def article_views_panel(request, article):
    """Views per day over the last 30 days and in all, for the article's page."""
    if not request.user.has_perm(PERMISSION) and not request.user.has_perm(
        "news.change_article"
    ):
        return None
    today = timezone.localdate()
    start = today - timedelta(days=29)
    views = dict(ArticleDailyViews.objects.per_day(article, start=start, end=today))
    days = [(day, views.get(day, 0)) for day in day_range(start, today)]
    return {
        "days": days,
        "last_30": sum(views.values()),
        "total": article_view_total(article.pk),
        "peak": max([n for _day, n in days] or [0]) or 1,
        "labels": [date_format(day, "d/m") for day, _n in days],
    }


admin_hooks.add_panel("admin/stats/article_views_panel.html", article_views_panel)


@admin.register(OpeningVisits)
class OpeningVisitsAdmin(admin.ModelAdmin):
    """Visits brought from an old system, added to the month and year figures."""

    list_display = ["year", "month", "visits"]
    list_filter = ["year"]


@admin.register(OpeningArticleViews)
class OpeningArticleViewsAdmin(admin.ModelAdmin):
    """Article views brought from an old system, added to each 'Lượt xem'."""

    list_display = ["article", "views"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    raw_id_fields = ["article"]
