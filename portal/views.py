from functools import lru_cache

from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from portal.http import wants_json
from portal.middleware import extend_session


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


class ContactView(TemplateView):
    """``Liên hệ``: the address, phone and email from the site settings."""

    template_name = "portal/contact.html"


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
