"""Small helpers for answering requests, shared by the apps."""

from django.conf import settings


def wants_json(request):
    """Whether a fetch() call asked for JSON (``Accept``) rather than a page; a
    plain form post prefers HTML."""
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"


def site_url(request=None):
    """The site's address, without a trailing slash, for links that leave it
    (emails): ``SITE_URL`` when set; else the address ``request`` came to (its
    host passed ``ALLOWED_HOSTS``); else this machine at ``PORT``."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return f"http://127.0.0.1:{settings.PORT}"
