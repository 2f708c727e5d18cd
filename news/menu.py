"""The category menu of every page, cached until a category changes."""

from django.core.cache import cache

from news.models import Category

CACHE_KEY = "news:menu"
# A bulk update() that bypasses the signals shows within this many seconds.
CACHE_SECONDS = 300


def menu_categories():
    menu = cache.get(CACHE_KEY)
    if menu is None:
        menu = list(Category.objects.menu())
        cache.set(CACHE_KEY, menu, CACHE_SECONDS)
    return menu


def forget_menu(**kwargs):
    cache.delete(CACHE_KEY)
