"""Render once, serve many: public pages kept rendered, per process, for readers.

The one place that decides what is cached and what invalidates it
(docs/architecture.md, "Page cache").

**What is kept.** The pages named in ``POLICIES`` (by URL name), asked for with GET
or HEAD by a reader who is not signed in, are rendered once and kept in this
process's memory (``PAGE_CACHE_MAX_BYTES``, least recently used out first). The key
is the URL name, language, scheme, host, path and the query parameters the page
reads (others, such as ``fbclid``, do not make a new page). Signed-in users, every
POST, staff previews, and a reader who has just voted or commented (a short
``FRESH_COOKIE``) get a page rendered for them alone.

**What differs per reader is never kept.** While a page is rendered for keeping,
each per-request value is written as a *hole*: a marker that ``fill()`` replaces
at serve time (the CSRF token, the comment form's signed stamp, the reader's own
vote, the language switcher's return address, and the side blocks whose figures
move on their own clock: ``fragment()``). Templates write ``{% hole "name" arg %}``
or call ``fragment()``; outside a kept render both give the value at once.

**When a kept page is stale.** Each page depends on *scopes* with versions
(``Generation`` rows): ``site`` for anything most pages show (articles, categories,
tags, banners, albums, site settings), ``comments`` for visible comments (counts in
lists, the 'Bình luận mới' block), ``article:<id>`` for one article's votes and
comments. ``touch()`` raises versions when the transaction that changed something
commits (model signals below; upserts and ``update()`` call it themselves) and
this process sees its own changes at once. Other processes and servers read the
versions changed lately at most every ``PAGE_CACHE_POLL_SECONDS`` (one query), so
a change shows everywhere within about a second. A page also ends at the next
moment the clock changes what readers see (an article's ``publish_at`` or
``take_down_at``, a banner's show times: ``HORIZON_SQL``), at ``expire_at()`` times
its render announced (comments closing), and after ``PAGE_CACHE_SECONDS`` at most.
"""

import logging
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import count

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

SITE = "site"
COMMENTS = "comments"
# Every kept page, block and versioned record depends on this one too: touched
# after writes too wide to name their scopes (a whole site imported).
EVERYTHING = "everything"
FRESH_COOKIE = "moi_cap_nhat"
FRESH_SECONDS = 5
# How far back a poll looks, past its previous one: a change is seen even if its
# transaction committed this long after it touched the version.
POLL_MARGIN_SECONDS = 60


def article_scope(article_id):
    return f"article:{article_id}"


# --- Which pages are kept ---------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """How one kind of page is kept: the query parameters that change it and the
    scopes it depends on (from the URL's keyword arguments)."""

    params: tuple = ()
    scopes: object = (SITE,)

    def scopes_for(self, kwargs):
        return self.scopes(kwargs) if callable(self.scopes) else self.scopes


POLICIES = {
    "news:home": Policy(),
    "news:category": Policy(params=("page",), scopes=(SITE, COMMENTS)),
    "news:tag": Policy(params=("page",), scopes=(SITE, COMMENTS)),
    "news:article": Policy(
        params=("cpage", "tra-loi", "binh-luan", "ly-do"),
        scopes=lambda kwargs: (SITE, article_scope(kwargs["pk"])),
    ),
    "gallery:albums": Policy(params=("page",)),
    "gallery:album": Policy(),
}


# --- Versions ------------------------------------------------------------------


class Versions:
    """This process's view of the scope versions and of the next scheduled moment,
    refreshed by polling the database."""

    def __init__(self):
        self.values = {}
        self.horizon = float("inf")  # epoch seconds of the next scheduled change
        self.next_poll = 0.0  # monotonic
        self.since = None  # the database clock at the last poll
        self.local = count(1)
        self.lock = threading.Lock()

    def of(self, scopes):
        self.poll_if_due()
        values = self.values
        return (values.get(EVERYTHING), *(values.get(scope) for scope in scopes))

    def poll_if_due(self):
        if time.monotonic() < self.next_poll and time.time() < self.horizon:
            return
        with self.lock:
            if time.monotonic() < self.next_poll and time.time() < self.horizon:
                return
            self.poll()
            self.next_poll = time.monotonic() + settings.PAGE_CACHE_POLL_SECONDS

    def poll(self):
        """Versions changed since the last poll (and a margin), and the horizon:
        one query."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT now_ts, ({HORIZON_SQL}), g.scope, g.value FROM "
                "(SELECT clock_timestamp() AS now_ts) AS t "
                "LEFT JOIN portal_generation AS g ON g.changed > "
                "COALESCE(%(since)s, clock_timestamp()) - make_interval(secs => "
                "%(margin)s)",
                {
                    "since": self.since,
                    "margin": POLL_MARGIN_SECONDS if self.since else 0,
                    "now": timezone.now(),
                },
            )
            rows = cursor.fetchall()
        self.since = rows[0][0]
        self.set_horizon(rows[0][1])
        for _now, _horizon, scope, value in rows:
            if scope is not None:
                self.values[scope] = value

    def set_horizon(self, moment):
        self.horizon = moment.timestamp() if moment is not None else float("inf")

    def bump_here(self, scopes):
        """This process's own change: seen at once, before any poll."""
        for scope in scopes:
            self.values[scope] = f"L{next(self.local)}"
        if SITE in scopes or EVERYTHING in scopes:
            # Read in the changing transaction, so it sees its own new times.
            with connection.cursor() as cursor:
                cursor.execute(HORIZON_SQL, {"now": timezone.now()})
                self.set_horizon(cursor.fetchone()[0])


versions = Versions()

# The next moment the clock changes what readers see: an article's publish_at or
# take_down_at, a banner's show times.
HORIZON_SQL = """
SELECT LEAST(
  (SELECT min(publish_at) FROM news_article
    WHERE status = 'published' AND publish_at > %(now)s),
  (SELECT min(take_down_at) FROM news_article
    WHERE status = 'published' AND take_down_at > %(now)s),
  (SELECT min(show_from) FROM portal_banner WHERE show_from > %(now)s),
  (SELECT min(show_until) FROM portal_banner WHERE show_until > %(now)s)
)"""


def versioned_key(name, scopes, *, poll=True):
    """A cache key for data that stays right as long as ``scopes`` keep their
    versions: a change anywhere makes every process use a new key. ``poll=False``
    uses the versions as last read, without asking the database (the outage page)."""
    if poll:
        stamp = versions.of(scopes)
    else:
        values = versions.values
        stamp = (values.get(EVERYTHING), *(values.get(scope) for scope in scopes))
    return ":".join([name, *map(str, stamp)])


def touch(*scopes):
    """Mark ``scopes`` changed: kept pages that show them are rendered again.

    Seen at once by this process; written to the database when the current
    transaction commits (at once outside one), for the other processes.
    """
    scopes = sorted(set(scopes))
    if not scopes:
        return
    versions.bump_here(scopes)
    transaction.on_commit(lambda: _write_versions(scopes), robust=True)


def _write_versions(scopes):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_generation (scope, value, changed) "
            "SELECT scope, 1, clock_timestamp() FROM unnest(%s::varchar[]) AS scope "
            "ON CONFLICT (scope) DO UPDATE SET value = portal_generation.value + 1, "
            "changed = clock_timestamp()",
            [scopes],
        )


# What changes which scope. Saves and deletes are caught by these signals; writes
# that bypass signals call touch() themselves (ratings.services.vote's upsert,
# comments.services.moderate's update()). Every model here touches ``site``, and
# the narrower scopes named, which the small cached records use (the settings
# record, the menu, the banners, the photo library block).
SITE_MODELS = {
    "news.Article": (),
    "news.Category": ("menu",),
    "news.Tag": (),
    "news.TaggedArticle": (),
    "gallery.Album": ("gallery",),
    "gallery.Photo": ("gallery",),
    "portal.SiteSettings": ("settings",),
    "portal.Banner": ("banners",),
}
# Models of one article (``article_id``) whose changes also touch these scopes.
ARTICLE_MODELS = {
    "comments.Comment": (COMMENTS,),
    "ratings.Vote": (),
    "news.Attachment": (),
}


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for label, scopes in SITE_MODELS.items():

        def site_changed(sender, scopes=scopes, **kwargs):
            touch(SITE, *scopes)

        model = apps.get_model(label)
        post_save.connect(site_changed, sender=model, dispatch_uid=f"pc-{label}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"pc-d-{label}")
    m2m_changed.connect(
        lambda sender, **kwargs: touch(SITE),
        sender=apps.get_model("news.TaggedArticle"),
        dispatch_uid="pc-m2m",
        weak=False,
    )
    for label, scopes in ARTICLE_MODELS.items():

        def article_changed(sender, instance, scopes=scopes, **kwargs):
            touch(*scopes, article_scope(instance.article_id))

        model = apps.get_model(label)
        post_save.connect(article_changed, sender=model, dispatch_uid=f"pc-{label}")
        post_delete.connect(article_changed, sender=model, dispatch_uid=f"pc-d-{label}")


# --- Holes: what is filled in per request ----------------------------------------

_SECRET = secrets.token_hex(6)  # markers cannot be forged by stored text
_OPEN, _CLOSE = "\ue000" + _SECRET + ":", "\ue001"
_MARKER = re.compile(re.escape(_OPEN) + r"([a-z_]+):([^\ue001]*)" + _CLOSE)
_FILLERS = {}


def hole_filler(name):
    """Register ``function(request, arg) -> safe HTML`` as the hole ``name``."""

    def register(function):
        _FILLERS[name] = function
        return function

    return register


def rendering_for_cache(request):
    """Whether holes are written as markers: a page or block rendered for many."""
    return (
        getattr(request, "page_cache_key", None) is not None
        or getattr(request, "page_cache_marking", 0) > 0
    )


def hole(request, name, arg=""):
    """The value of hole ``name`` for ``request`` (its marker in a kept render)."""
    if rendering_for_cache(request):
        return mark_safe(f"{_OPEN}{name}:{arg}{_CLOSE}")
    return mark_safe(_FILLERS[name](request, str(arg)))


def fill_text(request, parts):
    return fill(request, parts).decode()


def fill(request, parts):
    """The page ``parts`` (text and holes) as bytes, holes filled for ``request``."""
    out = []
    for part in parts:
        if part.__class__ is bytes:
            out.append(part)
        else:
            out.append(_FILLERS[part[0]](request, part[1]).encode())
    return b"".join(out)


def split(text):
    """``text`` cut into bytes and ``(hole, arg)`` pairs."""
    pieces = _MARKER.split(text)
    parts = []
    for i in range(0, len(pieces) - 1, 3):
        parts.append(pieces[i].encode())
        parts.append((pieces[i + 1], pieces[i + 2]))
    parts.append(pieces[-1].encode())
    return tuple(part for part in parts if part != b"")


@hole_filler("csrf")
def _csrf(request, arg):
    token = getattr(request, "_page_cache_csrf", None)
    if token is None:
        token = request._page_cache_csrf = csrf_token(request)
    return token


_CSRF_INDEX = {char: i for i, char in enumerate(CSRF_ALLOWED_CHARS)}


def _random_chars(count):
    """``count`` characters of ``CSRF_ALLOWED_CHARS``, uniformly, from one read of
    the system's random source (bytes of 248 and over are dropped: 248 = 4 × 62)."""
    chars = []
    while len(chars) < count:
        chars += [CSRF_ALLOWED_CHARS[b % 62] for b in os.urandom(count + 8) if b < 248]
    return "".join(chars[:count])


def csrf_token(request):
    """What ``django.middleware.csrf.get_token()`` returns: the reader's secret
    (a new one, sent in the cookie by ``CsrfViewMiddleware``, if they have none)
    masked by a fresh random mask. Django draws each of the 64 random characters
    with its own system call (~150 µs a page); this draws them in two."""
    meta = request.META
    secret = meta.get("CSRF_COOKIE")
    if secret is None:
        secret = meta["CSRF_COOKIE"] = _random_chars(CSRF_SECRET_LENGTH)
    meta["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_chars(CSRF_SECRET_LENGTH)
    index = _CSRF_INDEX
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(index[x] + index[y]) % 62]
        for x, y in zip(secret, mask, strict=True)
    )
    return mask + cipher


@hole_filler("next")
def _next(request, arg):
    return escape(request.get_full_path())


def expire_at(request, moment):
    """A kept render of ``request`` must end at ``moment`` (an aware datetime)."""
    if rendering_for_cache(request) and moment is not None:
        current = getattr(request, "page_cache_until", None)
        if current is None or moment < current:
            request.page_cache_until = moment


# --- Fragments: blocks kept on their own clock ------------------------------------


@dataclass
class Fragment:
    render: object
    seconds: float
    scopes: tuple = ()
    kept: dict = field(default_factory=dict)


_FRAGMENTS = {}


def register_fragment(name, render, *, seconds, scopes=()):
    """``render()`` returns the HTML of a block that changes on its own clock; it is
    kept ``seconds`` (and while ``scopes`` keep their versions), per language."""
    _FRAGMENTS[name] = Fragment(render=render, seconds=seconds, scopes=tuple(scopes))


def fragment(request, name):
    """The block ``name`` (its marker in a kept render)."""
    return hole(request, "fragment", name)


@hole_filler("fragment")
def _fragment(request, name):
    block = _FRAGMENTS[name]
    language = translation.get_language()
    stamp = versions.of(block.scopes) if block.scopes else ()
    now = time.time()
    kept = block.kept.get(language)
    if kept is not None and kept[0] > now and kept[1] == stamp:
        return kept[2]
    html = str(block.render())
    block.kept[language] = (now + block.seconds, stamp, html)
    return html


# --- Kept blocks: parts of the shell shared by every page ---------------------

_BLOCKS = {}


def kept_block(request, name, scopes, render):
    """The HTML of a block that many pages show alike (the header, the side
    column), rendered once per language while ``scopes`` keep their versions.

    ``render()`` is called with holes written as markers (see ``marking``); the
    kept text keeps them, and they are filled for ``request`` here unless the
    whole page is being rendered for keeping.
    """
    key = (name, translation.get_language())
    stamp = versions.of(scopes)
    kept = _BLOCKS.get(key)
    if kept is None or kept[1] != stamp or kept[0] <= time.time():
        until = min(time.time() + settings.PAGE_CACHE_SECONDS, versions.horizon)
        with marking(request):
            text = str(render())
        kept = _BLOCKS[key] = (until, stamp, text, split(text))
    if rendering_for_cache(request):
        return mark_safe(kept[2])
    return mark_safe(fill_text(request, kept[3]))


class marking:
    """Within, holes of ``request`` are written as markers."""

    def __init__(self, request):
        self.request = request

    def __enter__(self):
        self.request.page_cache_marking = (
            getattr(self.request, "page_cache_marking", 0) + 1
        )

    def __exit__(self, *exc):
        self.request.page_cache_marking -= 1


# --- The kept pages -------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    parts: tuple
    versions: tuple
    until: float  # epoch seconds
    headers: tuple
    size: int


class Store:
    """Kept pages, least recently used out first once ``max_bytes`` is passed."""

    def __init__(self):
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            try:
                self.entries.move_to_end(key)
            except KeyError:  # dropped by another thread meanwhile
                pass
        return entry

    def put(self, key, entry):
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= old.size
            self.entries[key] = entry
            self.size += entry.size
            while self.size > settings.PAGE_CACHE_MAX_BYTES and self.entries:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= dropped.size

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


store = Store()


def clear():
    """Forget every kept page and block of this process (tests, after a deploy)."""
    store.clear()
    _BLOCKS.clear()
    for block in _FRAGMENTS.values():
        block.kept.clear()
    versions.values.clear()
    versions.horizon = float("inf")


def mark_fresh(response):
    """After a reader's own vote or comment: their next pages for a few seconds are
    rendered for them, so they see their change at once whichever process answers."""
    response.set_cookie(
        FRESH_COOKIE, "1", max_age=FRESH_SECONDS, httponly=True, samesite="Lax"
    )
    return response


class PageCacheMiddleware:
    """Serves kept pages and keeps new ones; last in ``MIDDLEWARE``, so a kept page
    still passes every other middleware (page views are counted as usual)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key is None:
            return response
        if response.streaming or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return response
        parts = split(response.content.decode())
        if response.status_code == 200 and not _is_preview(response):
            self.keep(request, key, response, parts)
        response.content = fill(request, parts)
        response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        policy = self.policy(request)
        if policy is None:
            return None
        scopes = policy.scopes_for(view_kwargs)
        query = _canonical_query(request, policy.params)
        key = (
            request.resolver_match.view_name,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            request.path,
            query,
        )
        stamp = versions.of(scopes)
        entry = store.get(key)
        if entry is not None and entry.versions == stamp and entry.until > time.time():
            response = HttpResponse(fill(request, entry.parts))
            for name, value in entry.headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        # Render for keeping: the view sees only the query parameters in the key.
        request.page_cache_key = key
        request.page_cache_versions = stamp
        request.page_cache_until = None
        request.GET = QueryDict(query)
        return None

    def policy(self, request):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return None
        match = request.resolver_match
        policy = POLICIES.get(match.view_name) if match is not None else None
        if policy is None or FRESH_COOKIE in request.COOKIES:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                return None
        return policy

    def keep(self, request, key, response, parts):
        until = min(time.time() + settings.PAGE_CACHE_SECONDS, versions.horizon)
        moment = request.page_cache_until
        if moment is not None:
            until = min(until, moment.timestamp())
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "vary", "content-length")
        )
        size = sum(len(p) if p.__class__ is bytes else 64 for p in parts)
        store.put(key, Entry(parts, request.page_cache_versions, until, headers, size))


def _canonical_query(request, params):
    if not params or not request.META.get("QUERY_STRING"):
        return ""
    query = QueryDict(mutable=True)
    for name in params:
        if name in request.GET:
            query[name] = request.GET[name][:100]
    return query.urlencode()


def _is_preview(response):
    context = getattr(response, "context_data", None) or {}
    return bool(context.get("preview"))
