"""Where an address of the old NukeViet site leads now.

Every form NukeViet produces for a news module is understood (``M`` is the
module's name in addresses, ``vi`` its language):

- ``/M/<category>/<alias>-<id>.html``: an article, under any of its categories;
- ``/M/<category>/`` and ``/M/<category>/page-N/``: a category;
- ``/M/tag/<alias>`` and ``/M/topic/<alias>`` (and ``/page-N``): a tag, a topic;
- ``/M/rss/`` and ``/M/rss/<category>/``: the feeds; ``/M/`` and ``/M/page-N/``: home;
- the same without ``M/`` when the module was the site's home module, and with a
  ``/vi/`` prefix on multilingual sites;
- ``/index.php?language=vi&nv=M&op=<category>/<alias>-<id>`` (and every ``op``
  above).

Only addresses that our own URLs do not answer reach this module (the middleware
asks after a 404), so an old address never shadows one of ours. Aliases are
compared in Unicode NFC and lower case: tag aliases may keep Vietnamese letters,
sent percent-encoded or not.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse

from news.legacy.models import LegacyLink, LegacySite
from portal import pagecache

ARTICLE = re.compile(r"^(?P<alias>.*)-(?P<id>[0-9]{1,18})(?:\.html?)?$")
PAGE = re.compile(r"^page-[0-9]{1,9}$")
Kind = LegacyLink.Kind


@dataclass(frozen=True)
class Site:
    """What routing needs of a ``LegacySite``, kept in the cache."""

    pk: int
    language: str
    module_name: str
    is_home_module: bool
    multilingual: bool
    has_displaced_articles: bool


def imported_sites():
    """The imported NukeViet modules: from the cache, one query when it is cold
    or a module changed (in any process: ``portal.pagecache`` versions)."""
    key = pagecache.versioned_key("legacy:sites", ("legacy",))
    sites = cache.get(key)
    if sites is None:
        sites = [
            Site(
                pk=site.pk,
                language=site.language,
                module_name=normalize(site.module_name),
                is_home_module=site.is_home_module,
                multilingual=site.multilingual,
                has_displaced_articles=site.has_displaced_articles,
            )
            for site in LegacySite.objects.order_by("pk")
        ]
        cache.set(key, sites, 3600)
    return sites


def forget_sites(**kwargs):
    pagecache.touch("legacy")


def normalize(alias):
    """An alias as links store it: NFC, lower case."""
    return unicodedata.normalize("NFC", alias or "").strip().lower()


def old_address_target(path, query):
    """The address here of the old ``path`` (with its ``query``), or None.

    None when the address is not an old form, or names an old record that did not
    come over (the caller answers 404).
    """
    sites = imported_sites()
    if not sites:
        return None
    segments = [normalize(part) for part in path.split("/") if part]
    if segments and segments[-1] == "index.php":
        return _index_php(sites, segments[:-1], query)
    for site in sites:
        parts = segments
        if parts and parts[0] == site.language:
            parts = parts[1:]
        if parts and parts[0] == site.module_name:
            return in_module(site, parts[1:])
        if site.is_home_module:
            target = in_module(site, parts)
            if target is not None:
                return target
    return None


def _index_php(sites, before, query):
    language = normalize(query.get("language", ""))
    module = normalize(query.get("nv", ""))
    for site in sites:
        if before and before != [site.language]:
            continue
        if language and language != site.language:
            continue
        if not module:
            return reverse("news:home")
        if module == site.module_name:
            parts = [normalize(p) for p in query.get("op", "").split("/") if p]
            return in_module(site, parts)
    return None


def in_module(site, parts):
    """The target of ``parts`` (the path after the module's name) in ``site``."""
    if not parts or (len(parts) == 1 and PAGE.match(parts[0])):
        return reverse("news:home")
    if len(parts) > 1 and PAGE.match(parts[-1]):
        parts = parts[:-1]
    head, rest = parts[0], parts[1:]
    if head == "rss":
        if not rest:
            return reverse("news:feed")
        link = _link(site, Kind.CATEGORY, alias=rest[0])
        return link and reverse("news:category-feed", args=[link.category.slug])
    if head in ("tag", "topic") and len(rest) == 1:
        kind = Kind.TAG if head == "tag" else Kind.TOPIC
        link = _link(site, kind, alias=rest[0])
        return link and link.tag.get_absolute_url()
    article = ARTICLE.match(parts[-1]) if len(parts) >= 2 else None
    if article:
        link = _link(site, Kind.ARTICLE, old_id=int(article["id"]))
        return link and link.article.get_absolute_url()
    if not rest:
        link = _link(site, Kind.CATEGORY, alias=head)
        return link and link.category.get_absolute_url()
    return None


def _link(site, kind, *, alias=None, old_id=None):
    links = LegacyLink.objects.filter(site_id=site.pk, kind=kind)
    if old_id is not None:
        links = links.filter(old_id=old_id)
    else:
        links = links.filter(old_alias=alias)
    related = {
        Kind.ARTICLE: "article__category",
        Kind.CATEGORY: "category",
        Kind.TAG: "tag",
        Kind.TOPIC: "tag",
    }[kind]
    return links.select_related(related).order_by("pk").first()


def displaced_article_target(path):
    """For a module named like our news prefix (its old article addresses look
    like ours): the target of an old article address whose old id belongs to
    another article here, or None. The old alias must be in the address too, so
    that the other article keeps its own address."""
    prefix = our_prefix()
    match = re.match(
        rf"^/{re.escape(prefix)}/[^/]+/(?P<alias>[^/]+)-(?P<id>[0-9]{{1,18}})\.html$",
        path,
    )
    if match is None:
        return None
    old_id, alias = int(match["id"]), normalize(match["alias"])
    for site in imported_sites():
        if site.module_name != prefix or not site.has_displaced_articles:
            continue
        link = (
            LegacyLink.objects.articles()
            .filter(site_id=site.pk, old_id=old_id, old_alias=alias)
            .exclude(article_id=old_id)
            .select_related("article__category")
            .first()
        )
        if link is not None:
            return link.article.get_absolute_url()
    return None


@functools.cache
def our_prefix():
    """The first segment of our category and article addresses ("tin-tuc")."""
    return reverse("news:category", args=["x"]).strip("/").split("/")[0]
