"""Comment text: stored as typed, made safe only on output."""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# http(s):// or www. up to the next space or angle bracket/quote.
URL_RE = re.compile(r"""(?:https?://|www\.)[^\s<>"']+""", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""
LINK_REL = "nofollow ugc noopener"


def normalise(text):
    """NFC form with Unix line breaks: what is stored and compared."""
    return unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n")).replace(
        "\r", "\n"
    )


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


def count_links(text):
    return len(URL_RE.findall(text or ""))


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


def banned_words_in(text, words):
    """The banned words or phrases that occur in ``text`` as whole words, any case.

    No diacritic folding: Vietnamese words differing only by tone are different
    words.
    """
    text = normalise(text).casefold()
    found = []
    for word in words:
        needle = normalise(word).casefold().strip()
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            found.append(word)
    return found
