"""The rating summary as pages show it, computed once per request and article."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import floatformat
from django.utils.translation import ngettext

from portal.models import SiteSettings
from ratings.models import MAX_SCORE, MIN_SCORE, Vote
from ratings.voters import current_voter


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
        voter = current_voter(request) if request is not None else None
        summary = Vote.objects.summary(article, voter=voter.key if voter else None)
        article._rating_summary = summary
    return summary


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
