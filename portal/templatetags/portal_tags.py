from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def keepalive(context):
    """The keep-alive banner and its script, for signed-in staff only.

    Readers without a session cookie are answered without touching the session,
    so their pages stay free of ``Vary: Cookie`` and of session queries.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return ""
    warning = min(settings.SESSION_WARNING_SECONDS, settings.SESSION_IDLE_TIMEOUT)
    return render_to_string(
        "includes/keepalive.html",
        {
            "timeout": settings.SESSION_IDLE_TIMEOUT,
            "warning": warning,
            "seconds_html": format_html(
                '<span class="keepalive-seconds" aria-live="off">{}</span>', warning
            ),
        },
        request=request,
    )
