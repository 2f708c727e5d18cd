from django.utils.functional import SimpleLazyObject

from news.menu import menu_categories
from portal.models import SiteSettings


def site(request):
    """The site record and the category menu, for the shell of every page."""
    return {
        "site": SiteSettings.load(),
        # Lazy: the admin never shows the menu, so it never loads it.
        "menu_categories": SimpleLazyObject(menu_categories),
    }
