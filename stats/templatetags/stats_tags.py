from django import template

from stats import figures

register = template.Library()


@register.inclusion_tag("stats/block_visits.html")
def visit_stats_block():
    """The 'Thống kê truy cập' side block."""
    return {"figures": figures.visit_figures()}


@register.inclusion_tag("stats/block_most_read.html")
def most_read_block(count=5):
    """The 'Đọc nhiều nhất' side block: most read in the last 7 days, and it
    says so."""
    return {"rows": figures.most_read(count), "days": figures.MOST_READ_DAYS}


@register.simple_tag
def article_views(article):
    """An article's view count ('Lượt xem')."""
    return figures.article_views(article.pk)
