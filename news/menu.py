"""The category menu of every page, cached until a category changes."""

from django.core.cache import cache

from news.models import Category
from portal.pagecache import versioned_key

# A bulk update() that bypasses the signals shows within this many seconds.
CACHE_SECONDS = 300


def menu_categories():
    key = versioned_key("news:menu", ("menu",))
    menu = cache.get(key)
    if menu is None:
        menu = list(Category.objects.menu())
        cache.set(key, menu, CACHE_SECONDS)
    return menu
