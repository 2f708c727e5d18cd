from django.contrib.sitemaps import Sitemap

from news.gallery.models import Album


class AlbumSitemap(Sitemap):
    """Published albums, for sitemap.xml."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Album.objects.published().order_by("-date", "-id")

    def lastmod(self, album):
        return album.updated
