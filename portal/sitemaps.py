"""``sitemap.xml``: one section per kind of public page.

Other apps add their section to ``sitemaps`` here (the gallery adds albums);
``/sitemap.xml`` is the index and each section has its own paginated file.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Greatest

from news.gallery.sitemaps import AlbumSitemap
from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            # An article that is only a link answers a redirect: not a page to list.
            .filter(external_url="")
            .select_related("category")
            .only("id", "slug", "publish_at", "updated", "category__slug")
            .order_by("-publish_at", "-id")
        )

    def lastmod(self, article):
        return max(article.updated, article.publish_at)

    def get_latest_lastmod(self):
        # The index asks for this; one aggregate instead of loading every article.
        latest = self.items().aggregate(latest=Max(Greatest("updated", "publish_at")))
        return latest["latest"]


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.active().only("id", "slug").order_by("id")


sitemaps = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "albums": AlbumSitemap,
}
