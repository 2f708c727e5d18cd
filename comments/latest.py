"""The 'Bình luận mới' block's data, cached so the side column costs no query."""

from django.core.cache import cache

from comments.models import Comment
from portal import pagecache

LATEST_CACHE_SECONDS = 60
MAX_COUNT = 20


def latest_comments(count):
    """The newest visible comments as plain data, cached until comments or the
    site's content change (``portal.pagecache`` versions)."""
    count = min(count, MAX_COUNT)
    key = pagecache.versioned_key(
        f"comments:latest-block:{count}", (pagecache.COMMENTS, pagecache.SITE)
    )
    items = cache.get(key)
    if items is None:
        items = [
            {
                "id": c.pk,
                "name": c.name,
                "text": c.text,
                "is_official": c.is_official,
                "created": c.created,
                "article_title": c.article.title,
                "url": c.get_absolute_url(),
            }
            for c in Comment.objects.newest(count)
        ]
        cache.set(key, items, LATEST_CACHE_SECONDS)
    return items
