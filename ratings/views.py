from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from news.models import Article
from portal import pagecache
from portal.clientip import client_ip_hash
from portal.http import wants_json
from portal.models import SiteSettings
from ratings import services
from ratings.forms import VoteForm
from ratings.models import Vote
from ratings.summary import average_text, summary_line, voting_open
from ratings.voters import current_voter, remember

IP_SALT = "ratings"


def refuse(request, status, message, *, article=None, headers=None):
    if wants_json(request):
        response = JsonResponse({"ok": False, "error": message}, status=status)
    else:
        response = render(
            request,
            "ratings/refused.html",
            {"message": message, "article": article},
            status=status,
        )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def vote(request, pk):
    """Record the reader's stars for an article (POST only)."""
    if request.method != "POST":
        return refuse(
            request,
            405,
            _("Chỉ gửi đánh giá bằng biểu mẫu trên trang bài viết."),
            headers={"Allow": "POST"},
        )
    article = (
        Article.objects.published().select_related("category").filter(pk=pk).first()
    )
    if article is None:
        return refuse(request, 404, _("Không có bài viết này."))
    site = SiteSettings.load()
    if not voting_open(article, site):
        return refuse(
            request, 403, _("Bài viết này không nhận đánh giá."), article=article
        )
    if not request.user.is_authenticated and not site.guests_may_rate:
        return refuse(
            request,
            403,
            _("Bạn cần đăng nhập để đánh giá bài viết."),
            article=article,
        )
    form = VoteForm(request.POST)
    if not form.is_valid():
        return refuse(request, 400, " ".join(form.errors["score"]), article=article)
    voter = current_voter(request, create=True)
    score = form.cleaned_data["score"]
    try:
        services.vote(
            article=article,
            score=score,
            voter=voter.key,
            user=voter.user,
            ip_hash=client_ip_hash(request, salt=IP_SALT),
        )
    except services.RateLimited as limited:
        return refuse(request, 429, limited.message, article=article)
    if wants_json(request):
        summary = Vote.objects.summary(article, voter=voter.key)
        response = JsonResponse(
            {
                "ok": True,
                "score": score,
                "total": summary.total,
                "count": summary.count,
                "average": average_text(summary),
                "line": summary_line(summary),
                "message": _("Cảm ơn bạn đã đánh giá: %(score)s/5.") % {"score": score},
            }
        )
    else:
        response = redirect(article.get_absolute_url() + "#danh-gia")
    # The voter sees the new line at once, whichever process answers next.
    pagecache.mark_fresh(response)
    return remember(response, voter)
