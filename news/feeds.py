"""RSS feeds: the latest news, and the latest news of one category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from news.models import Article, Category
from portal.models import SiteSettings

FEED_SIZE = 30


class LatestNewsFeed(Feed):
    def title(self):
        return _("%(site)s – Tin mới nhất") % {"site": SiteSettings.load().site_name}

    def link(self):
        return reverse("news:home")

    def description(self):
        site = SiteSettings.load()
        return site.slogan or site.site_name

    def items(self):
        return self.articles()[:FEED_SIZE]

    def articles(self):
        return Article.objects.published().for_listing()

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.publish_at

    def item_categories(self, article):
        return [article.category.name]


class CategoryFeed(LatestNewsFeed):
    """The latest news of a category and its subcategories."""

    def get_object(self, request, slug):
        return get_object_or_404(Category.objects.active(), slug=slug)

    def title(self, category):
        return _("%(site)s – %(category)s") % {
            "site": SiteSettings.load().site_name,
            "category": category.name,
        }

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or category.name

    def items(self, category):
        return self.articles().filter(category__in=category.descendant_ids())[
            :FEED_SIZE
        ]
