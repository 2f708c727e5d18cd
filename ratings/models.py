from dataclasses import dataclass

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
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
        """``{article_id: Summary}`` for every id given, in one query: the votes
        plus the article's opening balance (``OpeningRating``), if it has one.

        Articles without either get ``Summary(total=0, count=0)``.
        """
        article_ids = list(article_ids)
        found = {
            row["pk"]: Summary(total=row["total"], count=row["count"])
            for row in self._with_totals(Article.objects.filter(pk__in=article_ids))
        }
        return {pk: found.get(pk, Summary()) for pk in article_ids}

    def summary(self, article, *, voter=None):
        """One article's Summary (votes plus opening balance), with ``mine`` for
        ``voter`` (a voter key), in one query.

        Written in SQL: every article page rendered anew asks for it, and building
        the ORM's correlated subqueries cost more than running them.
        """
        votes = Vote._meta.db_table
        opening = OpeningRating._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT v.total + COALESCE(o.total, 0), v.count + COALESCE(o.count, 0),
                       v.mine
                FROM (SELECT COALESCE(sum(score), 0) AS total, count(*) AS count,
                             max(score) FILTER (WHERE voter = %(voter)s) AS mine
                      FROM {votes} WHERE article_id = %(article)s) AS v
                LEFT JOIN {opening} AS o ON o.article_id = %(article)s
                """,
                {"article": article.pk, "voter": voter or ""},
            )
            total, count, mine = cursor.fetchone()
        return Summary(total=total, count=count, mine=mine if voter else None)

    def _with_totals(self, articles, *, voter=None):
        """``articles`` as rows of ``pk``, ``total`` and ``count`` (and ``mine``):
        correlated subqueries over these votes, plus the opening balance joined."""
        votes = self.filter(article=OuterRef("pk")).order_by().values("article")
        zero = models.Value(0)
        columns = {
            "total": Coalesce(
                Subquery(votes.annotate(s=Sum("score")).values("s")), zero
            )
            + Coalesce(F("opening_rating__total"), zero),
            "count": Coalesce(
                Subquery(
                    votes.annotate(n=Count("id")).values("n"),
                    output_field=IntegerField(),
                ),
                zero,
            )
            + Coalesce(F("opening_rating__count"), zero),
        }
        if voter:
            columns["mine"] = Subquery(
                self.filter(article=OuterRef("pk"), voter=voter).values("score")[:1]
            )
        return articles.order_by().values("pk", **columns)

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


class OpeningRating(models.Model):
    """The rating an article brought from the system it came from (NukeViet keeps
    only a sum of points and a number of votes, never single votes).

    Summaries add it to the votes cast here, so the rating line reads as it did on
    the old site and keeps counting from there.
    """

    article = models.OneToOneField(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="opening_rating",
    )
    total = models.PositiveIntegerField(
        _("tổng số điểm ban đầu"),
        help_text=_("Cộng vào tổng số điểm của bài viết."),
    )
    count = models.PositiveIntegerField(
        _("số đánh giá ban đầu"),
        help_text=_("Cộng vào số đánh giá của bài viết."),
    )
    source = models.CharField(
        _("nguồn"),
        max_length=100,
        blank=True,
        help_text=_("Hệ thống cũ mà số liệu được chuyển sang, ví dụ NukeViet."),
    )

    class Meta:
        verbose_name = _("đánh giá ban đầu")
        verbose_name_plural = _("đánh giá ban đầu")

    def __str__(self):
        return f"{self.article_id}: {self.total}/{self.count}"
