from django.conf import settings
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from comments import policy, services
from comments.forms import CommentForm, sign_stamp
from comments.models import Comment
from comments.notifications import email_from_token
from comments.policy import closed_reason
from news.models import Article
from portal import antispam, pagecache
from portal.clientip import client_ip_hash
from portal.http import site_url, wants_json
from portal.models import SiteSettings

ANCHOR = "y-kien-ban-doc"


def failure(request, *, status, message, form=None, article=None, headers=None):
    """A refused post: JSON for fetch(), otherwise a page with the form refilled,
    so nothing the reader typed is lost. Both carry a stamp that lets the reader
    send the same text again without reloading the page."""
    errors = {}
    if form is not None:
        errors = {field: list(msgs) for field, msgs in form.errors.items()}
    if wants_json(request):
        payload = {"ok": False, "message": message, "errors": errors}
        if form is not None:
            payload["stamp"] = form.renewed_stamp
        response = JsonResponse(payload, status=status)
    else:
        if form is not None:
            stamp = form.renewed_stamp
        else:
            stamp = sign_stamp(article.pk) if article else ""
        response = render(
            request,
            "comments/post_failed.html",
            {
                "message": message,
                "form": form,
                "article": article,
                "fresh_stamp": stamp,
            },
            status=status,
        )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def refusal_message(form):
    """What a refused form says above everything else: the errors no field shows
    next to itself (an expired or too-early form, the honeypot, the comment
    answered), then, if fields have errors, where to look."""
    whole = form.form_errors() + list(form.errors.get("parent", []))
    if any(name not in ("stamp", "website", "parent") for name in form.errors):
        whole.append(_("Bình luận chưa được gửi. Vui lòng sửa các lỗi dưới đây."))
    return " ".join(str(error) for error in whole)


def page_of(comment):
    """The comment page (1-based) that shows ``comment``'s thread."""
    thread_id = comment.parent_id or comment.pk
    root = Comment.objects.only("created").get(pk=thread_id)
    before = (
        Comment.objects.threads(comment.article)
        .filter(Q(created__lt=root.created) | Q(created=root.created, pk__lt=root.pk))
        .count()
    )
    return before // settings.COMMENTS_PAGE_SIZE + 1


@require_POST
def post(request, article_id):
    """A reader's comment or reply from the article page (fetch or plain POST)."""
    article = (
        Article.objects.published()
        .select_related("category")
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        return failure(
            request,
            status=404,
            message=_("Không có bài viết này hoặc bài viết chưa được đăng."),
        )
    site = SiteSettings.load()
    closed = closed_reason(article, user=request.user, site=site)
    if closed:
        return failure(request, status=403, message=closed, article=article)

    form = CommentForm(request.POST, article=article, user=request.user)
    if not form.is_valid():
        return failure(
            request,
            status=400,
            message=refusal_message(form),
            form=form,
            article=article,
        )
    ip_hash = client_ip_hash(request)
    data = form.cleaned_data
    already = (
        Comment.objects.filter(form_token=form.form_token).first()
        if form.form_token
        else None
    )
    if already is None:
        wait = antispam.hit("comments", ip_hash, settings.COMMENTS_RATE_LIMITS)
        if wait is not None:
            return failure(
                request,
                status=429,
                message=_(
                    "Bạn gửi bình luận quá nhiều. Vui lòng thử lại sau %(seconds)d giây."
                )
                % {"seconds": wait},
                form=form,
                article=article,
                headers={"Retry-After": str(wait)},
            )
    comment, _created = services.post_comment(
        article=article,
        name=data["name"],
        email=data["email"],
        text=data["text"],
        reply_to=data["parent"],
        user=request.user,
        ip_hash=ip_hash,
        notify_replies=data["notify_replies"],
        as_official=data.get("as_official", False),
        form_token=form.form_token,
        site=site,
        site_url=site_url(request),
    )
    comment.article = article
    visible = comment.is_visible
    # Held for its links or words: the reader is told which of the two (one
    # more query, for held comments only).
    held = policy.hold_reasons(comment.text) if comment.held_reason else {}
    if visible:
        notice = _("Bình luận của bạn đã được đăng.")
    else:
        notice = policy.waiting_notice(held)
    if wants_json(request):
        response = JsonResponse(
            {
                "ok": True,
                "id": comment.pk,
                "state": comment.state,
                "visible": visible,
                "thread": comment.parent_id,
                "notice": notice,
                "html": render_to_string(
                    "comments/comment.html",
                    {"comment": comment, "thread_root": comment.parent_id},
                    request=request,
                )
                if visible
                else "",
                "count": Comment.objects.visible().filter(article=article).count(),
                "stamp": sign_stamp(article.pk),
            },
            status=201 if _created else 200,
        )
    else:
        url = article.get_absolute_url()
        if visible:
            response = redirect(f"{url}?cpage={page_of(comment)}#comment-{comment.pk}")
        else:
            query = "binh-luan=cho-duyet"
            if held:
                query += f"&ly-do={policy.hold_slugs(held)}"
            response = redirect(f"{url}?{query}#{ANCHOR}")
    # The commenter sees their comment at once, whichever process answers next.
    return pagecache.mark_fresh(response)


def show(request, pk):
    """A visible comment's short link: redirects to its anchor on the right page."""
    comment = (
        Comment.objects.visible()
        .filter(pk=pk, article__in=Article.objects.published())
        .select_related("article__category")
        .first()
    )
    if comment is None:
        raise Http404(_("Không có bình luận này."))
    url = comment.article.get_absolute_url()
    return redirect(f"{url}?cpage={page_of(comment)}#comment-{comment.pk}")


@csrf_exempt  # The signature in the address is the credential (RFC 8058 one-click).
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm; POST (the page's button or a mail client's one-click
    request) stops reply emails to the signed address."""
    email = email_from_token(token)
    if email is None:
        return render(
            request,
            "comments/unsubscribe.html",
            {"invalid": True},
            status=400,
        )
    done = False
    if request.method == "POST":
        services.unsubscribe(email=email)
        done = True
    return render(request, "comments/unsubscribe.html", {"email": email, "done": done})
