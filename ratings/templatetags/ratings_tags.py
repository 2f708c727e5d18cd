from django import template

from portal.models import SiteSettings
from ratings.models import MAX_SCORE, MIN_SCORE
from ratings.summary import article_summary, average_text, summary_line, voting_open

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context, article):
    """The five stars and ``Tổng số điểm của bài viết là: X trong N đánh giá``.

    Nothing when the site or the article has ratings off. A staff preview of an
    unpublished article shows the summary without the form.
    """
    site = context.get("site") or SiteSettings.load()
    if not voting_open(article, site):
        return {"show": False}
    request = context["request"]
    summary = article_summary(request, article)
    member = request.user.is_authenticated
    return {
        "show": True,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "article": article,
        "summary": summary,
        "line": summary_line(summary),
        "average": average_text(summary),
        "scores": range(MIN_SCORE, MAX_SCORE + 1),
        "can_vote": not context.get("preview") and (member or site.guests_may_rate),
        "members_only": not member and not site.guests_may_rate,
    }
