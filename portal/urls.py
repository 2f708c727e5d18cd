from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.static import serve

from news.views import editor_upload
from portal import views
from portal.contact import views as contact_views
from portal.security import editor_policy
from portal.sitemaps import sitemaps

admin.site.site_header = _("Quản trị cổng thông tin")
admin.site.site_title = _("Quản trị")
admin.site.index_title = _("Bàn làm việc")

urlpatterns = [
    # Password reset by email for staff (also the way out of a login lockout);
    # before admin/ so that the admin's catch-all does not take these paths.
    path(
        "admin/password_reset/",
        views.StaffPasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        views.StaffPasswordResetConfirmView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context={"site_header": admin.site.site_header}
        ),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("ckeditor/upload/", editor_upload, name="ckeditor_upload"),
    path(
        "ckeditor/browse/",
        editor_policy(never_cache(admin.site.admin_view(ckeditor_views.browse))),
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
    # 404 unless BENCH_REFERENCE_BYTES is set (benchmarks only).
    path("__bench/constant/", views.bench_reference, name="bench-reference"),
    path("", include("news.urls")),
]


def refuse_direct_attachments(request):
    raise Http404


if settings.SERVE_MEDIA and settings.MEDIA_STORAGE == "local":
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
