from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.static import serve

from news.views import editor_upload
from portal import views

admin.site.site_header = "Quản trị cổng thông tin"
admin.site.site_title = "Quản trị"
admin.site.index_title = "Bàn làm việc"

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
    # ratings
    # comments
    # stats
    # gallery
    # search, feeds, sitemap, robots
    # contact
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
