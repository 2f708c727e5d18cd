"""The 'Bình luận mới' block's data, cached so the side column costs no query."""

from django.core.cache import cache

from comments.models import Comment

LATEST_CACHE_KEY = "comments:latest-block"
LATEST_CACHE_SECONDS = 60
MAX_COUNT = 20


def latest_comments(count):
    """The newest visible comments as plain data, cached briefly; the cache is
    cleared when a comment is posted visible or moderated."""
    count = min(count, MAX_COUNT)
    key = f"{LATEST_CACHE_KEY}:{count}"
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


def forget_latest_comments():
    cache.delete_many([f"{LATEST_CACHE_KEY}:{n}" for n in range(1, MAX_COUNT + 1)])
