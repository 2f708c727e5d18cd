from news.models import Category
from portal.models import SiteSettings


def site(request):
    """The site record and the category menu, for the shell of every page."""
    return {
        "site": SiteSettings.load(),
        "menu_categories": Category.objects.menu(),
    }
