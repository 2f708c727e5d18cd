from django.utils.functional import SimpleLazyObject

from news.menu import menu_categories
from portal import pagecache
from portal.models import SiteSettings


def site(request):
    """The site record and the category menu, for the shell of every page."""
    context = {
        "site": SiteSettings.load(),
        # Lazy: the admin never shows the menu, so it never loads it.
        "menu_categories": SimpleLazyObject(menu_categories),
    }
    if pagecache.rendering_for_cache(request):
        # A page kept for many readers carries a hole where each gets their own.
        context["csrf_token"] = pagecache.hole(request, "csrf")
    return context
