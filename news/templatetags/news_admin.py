from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from news.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_waiting_link(context):
    """A header link to the articles waiting for review, on every admin page: all of
    them for editors who publish, a writer's own for a writer. One count query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_active or not user.has_perm("news.view_article"):
        return ""
    waiting = Article.objects.waiting_for_review()
    if not user.has_perm("news.publish_article"):
        waiting = waiting.filter(created_by=user)
    count = waiting.count()
    if not count:
        return ""
    url = reverse("admin:news_article_changelist") + "?state=review"
    text = ngettext("%(counter)s bài chờ duyệt", "%(counter)s bài chờ duyệt", count) % {
        "counter": count
    }
    return format_html(
        '<a class="review-waiting-link" href="{}">{}</a>',
        url,
        text,
    )
