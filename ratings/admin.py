from django.contrib import admin
from django.db.models import Avg, Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news import admin_hooks
from ratings.models import MAX_SCORE, Vote


class VoterKindFilter(admin.SimpleListFilter):
    title = _("người đánh giá")
    parameter_name = "nguoi"

    def lookups(self, request, model_admin):
        return [("member", _("Đã đăng nhập")), ("guest", _("Khách"))]

    def queryset(self, request, queryset):
        if self.value() == "member":
            return queryset.by_members()
        if self.value() == "guest":
            return queryset.by_guests()
        return queryset


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    """Votes for audit: read-only, removable (totals are sums of these rows)."""

    list_display = ["article", "score", "voter_kind", "user", "same_address", "updated"]
    list_filter = [
        ("article", admin.RelatedOnlyFieldListFilter),
        "score",
        VoterKindFilter,
        "created",
    ]
    list_select_related = ["article", "user"]
    search_fields = ["article__title", "user__username", "=ip_hash"]
    date_hierarchy = "created"
    readonly_fields = [
        "article",
        "score",
        "voter",
        "user",
        "ip_hash",
        "created",
        "updated",
    ]
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("người đánh giá"))
    def voter_kind(self, vote):
        return _("Khách") if vote.is_guest else _("Đã đăng nhập")

    @admin.display(description=_("cùng địa chỉ IP"))
    def same_address(self, vote):
        url = reverse("admin:ratings_vote_changelist")
        return format_html(
            '<a href="{}?ip_hash={}" title="{}">{}…</a>',
            url,
            vote.ip_hash,
            _("Mọi phiếu từ địa chỉ này"),
            vote.ip_hash[:10],
        )


def _rating_annotations(queryset):
    votes = Vote.objects.filter(article=OuterRef("pk")).order_by().values("article")
    return queryset.annotate(
        rating_count=Coalesce(
            Subquery(
                votes.annotate(n=Count("id")).values("n"), output_field=IntegerField()
            ),
            0,
        ),
        rating_average=Subquery(votes.annotate(a=Avg("score")).values("a")),
    )


@admin.display(description=_("Đánh giá"), ordering="rating_average")
def rating_column(article):
    if not article.rating_count:
        return "—"
    return format_html(
        "{}/{} ({})",
        floatformat(article.rating_average, 1),
        MAX_SCORE,
        article.rating_count,
    )


def rating_panel(request, article):
    distribution = dict(
        Vote.objects.filter(article=article)
        .order_by()
        .values_list("score")
        .annotate(n=Count("id"))
    )
    summary = Vote.objects.summary(article)
    return {
        "summary": summary,
        "average": floatformat(summary.average, 1),
        "distribution": [
            (score, distribution.get(score, 0)) for score in range(MAX_SCORE, 0, -1)
        ],
        "votes_url": reverse("admin:ratings_vote_changelist")
        + f"?article__id__exact={article.pk}",
        "may_view_votes": request.user.has_perm("ratings.view_vote"),
    }


admin_hooks.add_column(rating_column, annotate=_rating_annotations)
admin_hooks.add_panel("admin/ratings/article_panel.html", rating_panel)
