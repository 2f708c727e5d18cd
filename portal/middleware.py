import time

from django.conf import settings
from django.utils import translation

EXTENDED_AT = "_idle_extended_at"


class SiteLanguageMiddleware:
    """Activate the reader's chosen language, else the site's (Vietnamese).

    Unlike ``LocaleMiddleware`` this ignores ``Accept-Language``: a reader with an
    English browser still gets the Vietnamese site until they pick English.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class IdleSessionMiddleware:
    """Sliding expiry for signed-in users: every request they make restarts the
    ``SESSION_IDLE_TIMEOUT`` clock, so the session ends only after that long idle.

    Readers without a session are left alone (no session row is written for them).
    The session row is rewritten at most once every ``resave_seconds()``, not on
    every request: the expiry then ends that little earlier at worst, well inside
    the banner's warning time.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and user is not None
            and user.is_authenticated
            and time.time() - request.session.get(EXTENDED_AT, 0) >= resave_seconds()
        ):
            extend_session(request)
        return response


def resave_seconds():
    timeout, warning = settings.SESSION_IDLE_TIMEOUT, settings.SESSION_WARNING_SECONDS
    return max(1, min(60, warning // 4, timeout // 30))


def extend_session(request):
    """Restart the idle clock of ``request``'s session (saved with the response)."""
    request.session.set_expiry(settings.SESSION_IDLE_TIMEOUT)
    request.session[EXTENDED_AT] = int(time.time())
