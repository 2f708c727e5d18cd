import sys
from functools import lru_cache

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe

from portal import outage
from portal.forms import StaffPasswordResetForm
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
    """The 500 page: a bare template that needs no database. A database outage
    is not a bug: it answers 503 "back soon", logged once (portal.outage)."""
    error = sys.exc_info()[1]
    if outage.is_database_outage(error):
        outage.record_failure(error)
        return outage.unavailable_response(request)
    return HttpResponseServerError(loader.render_to_string("500.html"))


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the database (and Redis, when configured)
    answer, 503 otherwise. Plain text, never cached, never a page view."""
    checks = {"database": _check_database()}
    if settings.REDIS_URL:
        checks["cache"] = _check_cache()
    healthy = all(result == "ok" for result in checks.values())
    body = "".join(f"{name}: {result}\n" for name, result in checks.items())
    response = HttpResponse(
        body, status=200 if healthy else 503, content_type="text/plain; charset=utf-8"
    )
    if not healthy:
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        response._has_been_logged = True  # the outage is logged by what fails
    return response


def _check_database():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        connection.close_if_unusable_or_obsolete()
        return f"unreachable ({type(error).__name__})"
    return "ok"


def _check_cache():
    try:
        cache.ping()
    except Exception as error:  # any failure of the cache server is "down"
        return f"unreachable ({type(error).__name__})"
    return "ok"


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


def login_locked_out(request, response=None, credentials=None):
    """django-axes' answer to a locked-out login: the admin's look, the wait in
    the reader's language, and the way out (resetting the password by email)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "title": _("Tạm khóa đăng nhập"),
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(
        request,
        "admin/login_locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class StaffPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset by email, in the admin's look, for staff accounts."""

    form_class = StaffPasswordResetForm
    success_url = reverse_lazy("password_reset_done")
    extra_context = {"site_header": admin.site.site_header}


class StaffPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting the new password also lifts a login lockout of that account."""

    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        from axes.utils import reset

        response = super().form_valid(form)
        reset(username=form.user.get_username())
        return response


# The reference page is fixed text, not a translated interface: the benchmark needs
# its bytes to stay the same in every language.
_REFERENCE_HEAD = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>Benchmark reference page</title>\n</head>\n<body>\n"
    "<h1>Benchmark reference page</h1>\n"
)
_REFERENCE_LINE = (
    "<p>A constant page served through the whole middleware stack; every public "
    "page is measured against its cost.</p>\n"
)
_REFERENCE_TAIL = "</body>\n</html>\n"


@lru_cache(maxsize=4)
def reference_html(size):
    """Valid HTML of exactly ``size`` bytes (or the bare page, if ``size`` is
    smaller): paragraphs, then spaces to make up the last few bytes."""
    fixed = len(_REFERENCE_HEAD) + len(_REFERENCE_TAIL)
    lines = max(0, (size - fixed) // len(_REFERENCE_LINE))
    page = _REFERENCE_HEAD + _REFERENCE_LINE * lines
    page += " " * max(0, size - len(page) - len(_REFERENCE_TAIL))
    return (page + _REFERENCE_TAIL).encode("ascii")


def bench_reference(request):
    """The page benchmark's yardstick (bench/README.md): ``BENCH_REFERENCE_BYTES``
    bytes of constant HTML, no template and no query of its own, so that it costs
    only what the middleware stack (page-view counting included) costs. 404 unless
    the setting is positive."""
    if settings.BENCH_REFERENCE_BYTES <= 0:
        raise Http404
    return HttpResponse(reference_html(settings.BENCH_REFERENCE_BYTES))
