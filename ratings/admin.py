from django.contrib import admin
from django.db.models import (
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news import admin_hooks
from ratings.models import MAX_SCORE, OpeningRating, Vote


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
    """Each article's vote count and average, its opening balance included."""
    votes = Vote.objects.filter(article=OuterRef("pk")).order_by().values("article")
    zero = Value(0)
    count = Coalesce(
        Subquery(
            votes.annotate(n=Count("id")).values("n"), output_field=IntegerField()
        ),
        zero,
    ) + Coalesce(F("opening_rating__count"), zero)
    total = Coalesce(
        Subquery(
            votes.annotate(s=Sum("score")).values("s"), output_field=IntegerField()
        ),
        zero,
    ) + Coalesce(F("opening_rating__total"), zero)
    return queryset.annotate(
        rating_count=count,
        rating_average=Cast(total, FloatField()) / NullIf(count, zero),
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
    opening = OpeningRating.objects.filter(article=article).first()
    return {
        "opening": opening,
        "summary": summary,
        "average": floatformat(summary.average, 1),
        "distribution": [
            (score, distribution.get(score, 0)) for score in range(MAX_SCORE, 0, -1)
        ],
        "votes_url": reverse("admin:ratings_vote_changelist")
        + f"?article__id__exact={article.pk}",
        "may_view_votes": request.user.has_perm("ratings.view_vote"),
    }


@admin.register(OpeningRating)
class OpeningRatingAdmin(admin.ModelAdmin):
    """Opening balances brought from an old system; summaries add them to the
    votes cast here."""

    list_display = ["article", "total", "count", "source"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    raw_id_fields = ["article"]


admin_hooks.add_column(rating_column, annotate=_rating_annotations)
admin_hooks.add_panel("admin/ratings/article_panel.html", rating_panel)
