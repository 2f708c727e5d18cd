from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.static import serve

from news.views import editor_upload
from portal import views
from portal.contact import views as contact_views
from portal.sitemaps import sitemaps

admin.site.site_header = _("Quản trị cổng thông tin")
admin.site.site_title = _("Quản trị")
admin.site.index_title = _("Bàn làm việc")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("ckeditor/upload/", editor_upload, name="ckeditor_upload"),
    path(
        "ckeditor/browse/",
        never_cache(admin.site.admin_view(ckeditor_views.browse)),
        name="ckeditor_browse",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("phien/duy-tri/", views.keep_alive, name="keepalive"),
    path("danh-gia/", include("ratings.urls")),
    path("", include("comments.urls")),
    path("thu-vien-anh/", include("news.gallery.urls")),
    path("lien-he/", contact_views.contact, name="contact"),
    path("lien-he/da-gui/", contact_views.sent, name="contact-sent"),
    # search and feeds: news/urls.py
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("news.urls")),
]


def refuse_direct_attachments(request):
    raise Http404


if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        # Attachments are served only by news.views (readers see those of the
        # articles they may read); a front server must refuse this folder too.
        re_path(rf"^{prefix}attachments/", refuse_direct_attachments),
        re_path(
            rf"^{prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

handler404 = views.page_not_found
handler500 = views.server_error
