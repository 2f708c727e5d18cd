from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import Article

MIN_SCORE = 1
MAX_SCORE = 5
MEMBER_PREFIX = "u:"
GUEST_PREFIX = "g:"


@dataclass(frozen=True)
class Summary:
    """The rating of one article: ``total`` points from ``count`` votes.

    ``mine`` is the score the current reader gave, when asked for and known.
    """

    total: int = 0
    count: int = 0
    mine: int | None = None

    @property
    def average(self):
        """The mean score (0.0 with no votes); pages show it to one decimal."""
        return self.total / self.count if self.count else 0.0


class VoteQuerySet(models.QuerySet):
    def summaries(self, article_ids):
        """``{article_id: Summary}`` for every id given, in one query.

        Articles without votes get ``Summary(total=0, count=0)``.
        """
        article_ids = list(article_ids)
        found = {
            row["article_id"]: Summary(total=row["total"], count=row["count"])
            for row in self.filter(article_id__in=article_ids)
            .order_by()
            .values("article_id")
            .annotate(total=Sum("score"), count=Count("id"))
        }
        return {pk: found.get(pk, Summary()) for pk in article_ids}

    def summary(self, article, *, voter=None):
        """One article's Summary, with ``mine`` for ``voter`` (a voter key), in one
        query."""
        aggregates = {"total": Sum("score"), "count": Count("id")}
        if voter:
            aggregates["mine"] = Max("score", filter=Q(voter=voter))
        row = self.filter(article=article).aggregate(**aggregates)
        return Summary(
            total=row["total"] or 0, count=row["count"], mine=row.get("mine")
        )

    def by_guests(self):
        return self.filter(voter__startswith=GUEST_PREFIX)

    def by_members(self):
        return self.filter(voter__startswith=MEMBER_PREFIX)


class Vote(models.Model):
    """One reader's score for one article; voting again replaces the score."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    score = models.PositiveSmallIntegerField(
        _("số sao"),
        help_text=_("Từ 1 đến 5."),
    )
    voter = models.CharField(
        _("người đánh giá"),
        max_length=40,
        help_text=_(
            "'u:' và mã tài khoản với người đã đăng nhập, 'g:' và mã ngẫu nhiên trong "
            "cookie với khách. Mỗi người chỉ có một phiếu cho mỗi bài."
        ),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống với khách."),
    )
    ip_hash = models.CharField(
        _("mã địa chỉ IP"),
        max_length=64,
        help_text=_(
            "Mã băm có muối của địa chỉ IP (không lưu địa chỉ thật): các phiếu cùng "
            "mã đến từ cùng một địa chỉ."
        ),
    )
    created = models.DateTimeField(_("thời gian đánh giá"), default=timezone.now)
    updated = models.DateTimeField(_("lần chấm gần nhất"), default=timezone.now)

    objects = VoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiếu đánh giá")
        verbose_name_plural = _("phiếu đánh giá")
        ordering = ["-updated", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "voter"], name="ratings_one_vote_per_voter"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE),
                name="ratings_score_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["ip_hash", "created"], name="ratings_vote_ip_idx"),
        ]

    def __str__(self):
        return f"{self.article_id}: {self.score}/{MAX_SCORE}"

    @property
    def is_guest(self):
        return self.voter.startswith(GUEST_PREFIX)
