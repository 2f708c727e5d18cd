"""Recording votes."""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import pagecache
from ratings.models import Vote

LIMIT_WINDOW = timedelta(days=1)


class RateLimited(Exception):
    """A guest vote refused because its address has voted too often lately."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def vote(*, article, score, voter, ip_hash, user=None, now=None):
    """Record ``voter``'s ``score`` (1–5) for ``article``; a second vote replaces
    the first.

    ``voter`` is the voter key (``u:<user id>`` or ``g:<guest id>``) and ``user``
    the account for members (``None`` for guests). One ``INSERT ... ON CONFLICT``
    keeps one row per article and voter however many requests race. A new guest
    vote first passes the per-address limits (``RATINGS_GUEST_VOTES_PER_ARTICLE``
    and ``RATINGS_GUEST_VOTES_PER_IP`` a day); over one, ``RateLimited`` is raised
    and nothing is stored.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if user is None:
            _check_guest_limits(article=article, voter=voter, ip_hash=ip_hash, now=now)
        (recorded,) = Vote.objects.bulk_create(
            [
                Vote(
                    article=article,
                    score=score,
                    voter=voter,
                    user=user,
                    ip_hash=ip_hash,
                    created=now,
                    updated=now,
                )
            ],
            update_conflicts=True,
            unique_fields=["article", "voter"],
            update_fields=["score", "user", "ip_hash", "updated"],
        )
        # The upsert sends no signal: the article's kept pages are told here.
        pagecache.touch(pagecache.article_scope(article.pk))
    return recorded


def _check_guest_limits(*, article, voter, ip_hash, now):
    # Guest votes from one address are counted and added one at a time (a
    # transaction-scoped lock on the address), so a burst cannot slip past a limit.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(ip_hash[:15], 16)])
    if Vote.objects.filter(article=article, voter=voter).exists():
        return  # changing one's own score adds no vote
    recent = Vote.objects.by_guests().filter(
        ip_hash=ip_hash, created__gt=now - LIMIT_WINDOW
    )
    if recent.filter(article=article).count() >= (
        settings.RATINGS_GUEST_VOTES_PER_ARTICLE
    ):
        raise RateLimited(
            _(
                "Từ địa chỉ mạng của bạn đã có quá nhiều lượt đánh giá bài viết này "
                "trong 24 giờ qua. Vui lòng thử lại sau."
            )
        )
    if recent.count() >= settings.RATINGS_GUEST_VOTES_PER_IP:
        raise RateLimited(
            _(
                "Từ địa chỉ mạng của bạn đã có quá nhiều lượt đánh giá trong 24 giờ "
                "qua. Vui lòng thử lại sau."
            )
        )
