"""Comment text: stored as typed, made safe only on output."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# What a link is, and the normal form of text, are shared with the contact form.
from portal.antispam import URL_RE, normalise

TRAILING = ".,;:!?)]}'\""
LINK_REL = "nofollow ugc noopener"


def _split_url(match):
    url = match.group(0)
    tail = ""
    while url and url[-1] in TRAILING:
        # A closing bracket belongs to the address when it opened inside it.
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def render_text(text):
    """HTML for a comment: everything escaped, line breaks kept, web addresses
    made into links that pass no ranking and open no window reference."""
    text = normalise(text)
    parts, last = [], 0
    for match in URL_RE.finditer(text):
        url, tail = _split_url(match)
        parts.append(escape(text[last : match.start()]))
        if url.lower().startswith("www."):
            href = "http://" + url
        else:
            href = url
        parts.append(
            format_html('<a href="{}" rel="{}">{}</a>', href, LINK_REL, url)
            + escape(tail)
        )
        last = match.end()
    parts.append(escape(text[last:]))
    html = "".join(str(part) for part in parts)
    return mark_safe(html.replace("\n", "<br>"))
