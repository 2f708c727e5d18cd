from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.middleware import extend_session


def page_not_found(request, exception=None):
    """The 404 page in the site layout (the menu and blocks still work)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """The 500 page: a bare template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


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
