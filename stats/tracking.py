"""What a request tells the statistics: whether it is a page view, who the visitor
is (a salted hash, never the IP), which client and which referrer. Every header is
bounded and parsed defensively: a forged or huge header is stored cut, or not at all.
"""

import re
from functools import lru_cache
from urllib.parse import urlsplit

from crawlerdetect import CrawlerDetect
from django.conf import settings
from ua_parser import parse as parse_user_agent

from portal.clientip import client_ip, hash_ip

MAX_USER_AGENT = 512
MAX_REFERER = 2048
HOST_RE = re.compile(
    r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
_crawler_detect = CrawlerDetect()

DESKTOP, MOBILE, TABLET, OTHER = "desktop", "mobile", "tablet", "other"
_MOBILE_OS = {"Android", "iOS", "Windows Phone", "BlackBerry OS", "KaiOS", "Tizen"}
_DESKTOP_OS = {"Windows", "Mac OS X", "Linux", "Ubuntu", "Chrome OS", "Fedora"}


def should_count(request, response):
    """A successful GET of a public HTML page, asked for as a page (not by fetch)."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if getattr(response, "streaming", False):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in excluded_prefixes()):
        return False
    meta = request.META
    # fetch()/XHR and prefetches are not page views; browsers send these headers.
    if meta.get("HTTP_SEC_FETCH_MODE", "navigate") not in ("navigate", ""):
        return False
    if meta.get("HTTP_X_REQUESTED_WITH", "").lower() == "xmlhttprequest":
        return False
    purpose = meta.get("HTTP_SEC_PURPOSE", "") + meta.get("HTTP_PURPOSE", "")
    if "prefetch" in purpose.lower():
        return False
    # A staff preview of an unpublished article is not a reader's page view.
    context = getattr(response, "context_data", None) or {}
    return not context.get("preview")


@lru_cache(maxsize=1)
def _prefixes(static_url, media_url, extra):
    prefixes = ["/admin/", "/ckeditor/", "/i18n/", "/healthz", *extra]
    for url in (static_url, media_url):
        if url and not url.startswith(("http://", "https://")):
            prefixes.append("/" + url.lstrip("/"))
    return tuple(prefixes)


def excluded_prefixes():
    return _prefixes(
        settings.STATIC_URL,
        settings.MEDIA_URL,
        tuple(getattr(settings, "STATS_EXCLUDED_PREFIXES", ())),
    )


@lru_cache(maxsize=4096)
def classify(user_agent):
    """(bot name or "", device class, browser, operating system) of a user agent.

    Bots are recognised by crawlerdetect (the maintained Crawler-Detect patterns:
    crawlers, monitors, HTTP libraries); an empty user agent is a script too.
    """
    if not user_agent.strip():
        return "(không có user agent)", OTHER, "", ""
    if _crawler_detect.isCrawler(user_agent):
        name = _crawler_detect.getMatches() or "bot"
        return str(name)[:100], OTHER, "", ""
    result = parse_user_agent(user_agent)
    browser = result.user_agent.family if result.user_agent else "Other"
    os_name = result.os.family if result.os else "Other"
    device = result.device.family if result.device else ""
    if device == "Spider":
        return (browser if browser != "Other" else "Spider")[:100], OTHER, "", ""
    return "", device_class(user_agent, os_name, device), browser[:50], os_name[:50]


def device_class(user_agent, os_name, device):
    if device == "iPad" or "tablet" in device.lower() or "Tablet" in user_agent:
        return TABLET
    if os_name == "Android" and "Mobile" not in user_agent:
        return TABLET
    if os_name in _MOBILE_OS or "Mobile" in user_agent:
        return MOBILE
    if os_name in _DESKTOP_OS:
        return DESKTOP
    return OTHER


def referrer_host(request):
    """The host of an outside Referer, lower-cased; "" for none, our own or junk."""
    referer = request.META.get("HTTP_REFERER", "")[:MAX_REFERER]
    if not referer:
        return ""
    try:
        parts = urlsplit(referer)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host:
        return ""
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return ""
    if len(host) > 253 or not HOST_RE.match(host):
        return ""
    host = host.removeprefix("www.")
    own = request.get_host().split(":")[0].lower() if _safe_host(request) else ""
    if host == own.removeprefix("www."):
        return ""  # a reader moving inside the site
    return host


def _safe_host(request):
    try:
        request.get_host()
    except Exception:  # DisallowedHost and friends: the Referer decides alone
        return False
    return True


def visitor_hash(ip, user_agent, day):
    """A visitor's identity for one day: a salted hash of IP and user agent.

    The salt (settings.IP_HASH_SALT, which defaults to SECRET_KEY) is combined with
    the date, so yesterday's visitors cannot be linked to today's.
    """
    return hash_ip(ip, salt=f"visitor:{day.isoformat()}:{user_agent}")[:32]


def request_user_agent(request):
    return request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT]


def request_ip(request):
    return client_ip(request)
