from django import template
from django.template.loader import render_to_string

from portal import pagecache
from stats import figures

register = template.Library()


def render_visits_block():
    return render_to_string(
        "stats/block_visits.html", {"figures": figures.visit_figures()}
    )


def render_most_read_block():
    return render_to_string(
        "stats/block_most_read.html",
        {"rows": figures.most_read(5), "days": figures.MOST_READ_DAYS},
    )


# The figures move on their own clock, not with the pages that show them.
pagecache.register_fragment(
    "stats:visits", render_visits_block, seconds=figures.BLOCK_TTL
)
pagecache.register_fragment(
    "stats:most-read",
    render_most_read_block,
    seconds=figures.MOST_READ_TTL,
    scopes=(pagecache.SITE,),
)


@register.simple_tag(takes_context=True)
def visit_stats_block(context):
    """The 'Thống kê truy cập' side block."""
    return pagecache.fragment(context.get("request"), "stats:visits")


@register.simple_tag(takes_context=True)
def most_read_block(context):
    """The 'Đọc nhiều nhất' side block: most read in the last 7 days."""
    return pagecache.fragment(context.get("request"), "stats:most-read")


@register.simple_tag
def article_views(article):
    """An article's view count ('Lượt xem')."""
    return figures.article_views(article.pk)
