"""The rating summary as pages show it, computed once per request and article."""

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import pagecache
from portal.models import SiteSettings
from ratings.models import MAX_SCORE, MIN_SCORE, Vote
from ratings.voters import COOKIE_NAME, current_voter


def voting_open(article, site=None):
    """Whether the article page shows the stars (the site and the article allow it)."""
    site = site or SiteSettings.load()
    return site.ratings_enabled and article.allow_ratings


def article_summary(request, article):
    """The article's Summary (with the reader's own score), one query per request.

    Kept on the article instance so the star widget and the JSON-LD extender share
    it.
    """
    summary = getattr(article, "_rating_summary", None)
    if summary is None:
        voter = None
        # A page kept for many readers shows nobody's own vote: holes fill it in.
        if request is not None and not pagecache.rendering_for_cache(request):
            voter = current_voter(request)
        summary = Vote.objects.summary(article, voter=voter.key if voter else None)
        article._rating_summary = summary
        if voter is not None:
            own_scores(request)[article.pk] = summary.mine
    return summary


def own_scores(request):
    """``{article_id: score or None}`` the reader of ``request`` gave, as far as
    looked up during this request."""
    scores = getattr(request, "_own_scores", None)
    if scores is None:
        scores = request._own_scores = {}
    return scores


def own_score(request, article_id):
    """The score the reader of ``request`` gave ``article_id`` (one query for a
    reader with a voter cookie or an account, none for others)."""
    scores = own_scores(request)
    if article_id not in scores:
        cookies = request.COOKIES
        # Most readers have neither cookie: known without waking the session.
        if COOKIE_NAME not in cookies and settings.SESSION_COOKIE_NAME not in cookies:
            scores[article_id] = None
            return None
        voter = current_voter(request)
        scores[article_id] = (
            Vote.objects.filter(article_id=article_id, voter=voter.key)
            .values_list("score", flat=True)
            .first()
            if voter
            else None
        )
    return scores[article_id]


@pagecache.hole_filler("vote_checked")
def _vote_checked(request, arg):
    article_id, score = (int(part) for part in arg.split(":"))
    return " checked" if own_score(request, article_id) == score else ""


@pagecache.hole_filler("vote_status")
def _vote_status(request, arg):
    mine = own_score(request, int(arg))
    if not mine:
        return ""
    return escape(_("Bạn đã chấm %(mine)s/5.") % {"mine": mine})


def summary_line(summary):
    """``Tổng số điểm của bài viết là: X trong N đánh giá`` in the reader's
    language."""
    return ngettext(
        "Tổng số điểm của bài viết là: %(total)s trong %(count)s đánh giá",
        "Tổng số điểm của bài viết là: %(total)s trong %(count)s đánh giá",
        summary.count,
    ) % {"total": intcomma(summary.total), "count": intcomma(summary.count)}


def average_text(summary):
    """``4,3/5`` in Vietnamese, ``4.3/5`` in English."""
    return f"{floatformat(summary.average, 1)}/{MAX_SCORE}"


def aggregate_rating(request, article):
    """JSON-LD extender: ``aggregateRating`` on the NewsArticle, with a vote or
    more."""
    if not voting_open(article):
        return None
    summary = article_summary(request, article)
    if summary.count < 1:
        return None
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            # An opening balance from an old system may average outside 1–5.
            "ratingValue": min(max(round(summary.average, 1), MIN_SCORE), MAX_SCORE),
            "ratingCount": summary.count,
            "bestRating": MAX_SCORE,
            "worstRating": MIN_SCORE,
        }
    }
