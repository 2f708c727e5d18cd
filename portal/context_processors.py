from news.menu import menu_categories
from portal.models import SiteSettings


def site(request):
    """The site record and the category menu, for the shell of every page."""
    return {
        "site": SiteSettings.load(),
        "menu_categories": menu_categories(),
    }
