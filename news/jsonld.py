"""schema.org ``NewsArticle`` data for the article page.

Other apps enrich the same object (ratings adds ``aggregateRating``) by
registering an extender from their ``AppConfig.ready()``: a function
``(request, article) -> dict`` whose keys are merged in, or ``None`` to add
nothing. One object per article keeps every property on the item it describes.
"""

import json

from django.utils.html import strip_tags

from news.images import rendition_url

extenders = []

# As django.utils.html.json_script: nothing in the data can close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def add_extender(extender):
    extenders.append(extender)
    return extender


def article_data(request, article, site, tags=None):
    """The ``NewsArticle`` object; ``tags`` (already loaded by the page) become keywords."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:110],
        "datePublished": article.publish_at.isoformat(),
        "dateModified": max(article.updated, article.publish_at).isoformat(),
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": site.site_name},
    }
    if article.summary:
        data["description"] = strip_tags(article.summary)
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    else:
        data["author"] = {"@type": "Organization", "name": site.site_name}
    if article.image:
        data["image"] = [
            request.build_absolute_uri(rendition_url(article.image, "wide"))
        ]
    if site.logo:
        data["publisher"]["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(site.logo.url),
        }
    for extender in extenders:
        data.update(extender(request, article) or {})
    return data


def dumps(data):
    """JSON safe to place inside a ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
