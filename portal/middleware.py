from django.conf import settings
from django.utils import translation


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
        ):
            extend_session(request)
        return response


def extend_session(request):
    """Restart the idle clock of ``request``'s session (saved with the response)."""
    request.session.set_expiry(settings.SESSION_IDLE_TIMEOUT)
