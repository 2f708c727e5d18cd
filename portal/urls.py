from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.static import serve

from news.views import editor_upload
from portal import views
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
    path("lien-he/", views.ContactView.as_view(), name="contact"),
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
    # 404 unless BENCH_REFERENCE_BYTES is set (benchmarks only).
    path("__bench/constant/", views.bench_reference, name="bench-reference"),
    path("", include("news.urls")),
]

if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(
            rf"^{prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

handler404 = views.page_not_found
handler500 = views.server_error
