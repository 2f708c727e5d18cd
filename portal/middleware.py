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
