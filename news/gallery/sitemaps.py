from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from news.gallery.models import Album


class AlbumSitemap(Sitemap):
    """Published albums, for sitemap.xml."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Album.objects.published().order_by("-date", "-id")

    def lastmod(self, album):
        return album.updated

    def get_latest_lastmod(self):
        # One aggregate rather than loading every album for the index.
        return self.items().aggregate(latest=Max("updated"))["latest"]
