from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request, exception=None):
    """The 404 page in the site layout (the menu and blocks still work)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """The 500 page: a bare template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


def csrf_failure(request, reason=""):
    """A refused form (missing or stale CSRF token) explained in the reader's
    language: JSON for fetch() calls, the site layout otherwise."""
    from django.http import HttpResponseForbidden, JsonResponse
    from django.utils.translation import gettext as _

    message = _(
        "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. "
        "Vui lòng tải lại trang rồi gửi lại."
    )
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": False, "message": message, "errors": {}}, status=403)
    return HttpResponseForbidden(
        loader.render_to_string("403_csrf.html", {"message": message}, request=request)
    )
