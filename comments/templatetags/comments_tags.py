import re

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from comments.forms import CommentForm
from comments.latest import latest_comments
from comments.models import Comment
from comments.policy import closed_reason, closes_at, held_from_slugs, is_moderator
from comments.policy import waiting_notice as waiting_notice_text
from comments.text import render_text
from portal import pagecache
from portal.converters import IdConverter
from portal.models import SiteSettings

register = template.Library()


@register.filter
def comment_text(text):
    """Plain comment text as safe HTML: escaped, line breaks kept, links nofollow."""
    return render_text(text)


def _page_number(request, num_pages):
    try:
        number = int(request.GET.get("cpage", "1"))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(num_pages, 1))


def waiting_notice(request):
    """The notice for a reader sent back after posting a comment that waits
    (``?binh-luan=cho-duyet``, with ``&ly-do=`` when it is held), else ""."""
    if request.GET.get("binh-luan") != "cho-duyet":
        return ""
    held = held_from_slugs(request.GET.get("ly-do", ""))
    notice = waiting_notice_text(held)
    if not held:
        notice = f"{notice}. {_('Bình luận sẽ hiện sau khi được Ban biên tập duyệt.')}"
    return notice


@register.inclusion_tag("comments/section.html", takes_context=True)
def article_comments(context, article):
    """The 'Ý kiến bạn đọc' section: visible threads 20 a page, replies under
    their comment, and the form. One query when the article has no comments,
    three when it has."""
    request = context["request"]
    user = context.get("user")
    site = context.get("site") or SiteSettings.load()
    counts = (
        Comment.objects.visible()
        .filter(article=article)
        .aggregate(total=Count("id"), threads=Count("id", filter=Q(parent=None)))
    )
    size = settings.COMMENTS_PAGE_SIZE
    num_pages = max(1, -(-counts["threads"] // size))
    number = _page_number(request, num_pages)
    threads = []
    if counts["threads"]:
        start = (number - 1) * size
        threads = list(Comment.objects.threads(article)[start : start + size])
        replies = {}
        for reply in (
            Comment.objects.visible()
            .filter(parent__in=[t.pk for t in threads])
            .select_related("reply_to")
            .order_by("created", "id")
        ):
            replies.setdefault(reply.parent_id, []).append(reply)
        for thread in threads:
            thread.visible_replies = replies.get(thread.pk, [])

    preview = context.get("preview", False)
    closed = None if preview else closed_reason(article, user=user, site=site)
    form = None
    reply_to = None
    if not preview and not closed:
        # A kept page closes its form when the article stops taking comments.
        pagecache.expire_at(request, closes_at(article, site))
        initial = {"stamp": pagecache.hole(request, "comment_stamp", article.pk)}
        if user is not None and user.is_authenticated:
            initial["name"] = user.get_full_name() or user.get_username()
            initial["email"] = user.email
        reply_id = request.GET.get("tra-loi", "")
        # The shape of a database id, as the <id:...> URL converter reads it
        # (str.isdigit() would also take "²", which int() refuses).
        if re.fullmatch(IdConverter.regex, reply_id):
            reply_to = (
                Comment.objects.visible()
                .filter(article=article, pk=int(reply_id))
                .only("id", "name")
                .first()
            )
            if reply_to is not None:
                initial["parent"] = reply_to.pk
        form = CommentForm(article=article, user=user, initial=initial)
    return {
        "request": request,
        "user": user,
        "article": article,
        "total": counts["total"],
        "threads": threads,
        "page_number": number,
        # 1 2 … 9 10 11 … 249 250: a long discussion does not print every page.
        "page_range": (
            Paginator(range(counts["threads"]), size).get_elided_page_range(number)
            if num_pages > 1
            else ()
        ),
        "ellipsis": Paginator.ELLIPSIS,
        "form": form,
        "reply_to": reply_to,
        "closed": closed,
        "preview": preview,
        "waiting_notice": waiting_notice(request),
        "csrf_token": context.get("csrf_token"),
    }


def render_latest_comments_block():
    return render_to_string(
        "comments/block_latest.html", {"comments": latest_comments(5)}
    )


pagecache.register_fragment(
    "comments:latest",
    render_latest_comments_block,
    seconds=60,
    scopes=(pagecache.COMMENTS, pagecache.SITE),
)


@register.simple_tag(takes_context=True)
def latest_comments_block(context):
    """The 'Bình luận mới' side block: kept apart from the pages that show it, so
    a new comment does not make every page render again."""
    return pagecache.fragment(context.get("request"), "comments:latest")


@register.simple_tag
def attach_comment_counts(articles):
    """``{% attach_comment_counts articles %}`` sets ``article.comment_count`` on
    each article of the list; renders nothing. Counts are kept in the cache until
    comments change (the ``comments`` version), and those not kept are read in one
    query: counting an article's 5,000 comments cost 6 ms on every list page that
    showed it."""
    articles = list(articles)
    prefix = pagecache.versioned_key("comments:visible-count", (pagecache.COMMENTS,))
    keys = {f"{prefix}:{a.pk}": a.pk for a in articles}
    counts = {keys[key]: n for key, n in cache.get_many(keys).items()}
    missing = [pk for pk in keys.values() if pk not in counts]
    if missing:
        read = Comment.objects.visible_counts(missing)
        cache.set_many({f"{prefix}:{pk}": n for pk, n in read.items()}, 300)
        counts.update(read)
    for article in articles:
        article.comment_count = counts[article.pk]
    return ""


@register.simple_tag(takes_context=True)
def waiting_comments_count(context):
    """Comments waiting for moderation, for the admin index (moderators only)."""
    request = context.get("request")
    if request is None or not is_moderator(request.user):
        return None
    return Comment.objects.filter(state=Comment.State.WAITING).count()
