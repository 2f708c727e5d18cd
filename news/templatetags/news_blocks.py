from django import template

from news.models import Article

register = template.Library()


@register.inclusion_tag("includes/block_latest.html")
def latest_articles_block(count=6):
    """The 'Tin mới nhất' side block."""
    return {"articles": Article.objects.published().for_listing()[:count]}
