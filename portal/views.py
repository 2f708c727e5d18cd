from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.http import wants_json
from portal.middleware import extend_session
from portal.models import SiteSettings

# A new icon reaches clients that cached the redirect within a day; pages name the
# icon's own address, so they show a change at once.
FAVICON_MAX_AGE = 24 * 3600


def page_not_found(request, exception=None):
    """The 404 page in the site layout (the menu and blocks still work)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """The 500 page: a bare template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


def robots_txt(request):
    """Crawlers may read everything public; the sitemap lists it."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('news:search')}",
        "Disallow: /ckeditor/",
        f"Disallow: {reverse('set_language')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """``/favicon.ico``, asked for by browsers, feed readers and crawlers that do
    not read the page's ``<link rel="icon">``: a redirect to the site's icon."""
    response = redirect(SiteSettings.load().icon_url)
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


def csrf_failure(request, reason=""):
    """A missing or stale CSRF token: a 403 that says so in the reader's language
    (JSON for fetch() calls), instead of Django's English page."""
    message = _(
        "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. "
        "Vui lòng tải lại trang rồi gửi lại."
    )
    if wants_json(request):
        return JsonResponse(
            {"ok": False, "error": message, "message": message, "errors": {}},
            status=403,
        )
    return HttpResponseForbidden(
        loader.render_to_string("403_csrf.html", {"message": message}, request)
    )


@never_cache
@require_POST
def keep_alive(request):
    """Restart the signed-in user's idle clock: the keep-alive banner's click."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"error": _("Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.")}, status=401
        )
    extend_session(request)
    return JsonResponse({"expires_in": settings.SESSION_IDLE_TIMEOUT})
