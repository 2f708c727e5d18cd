"""Full-text search that ignores Vietnamese diacritics and case.

PostgreSQL's ``unaccent`` is a contrib extension the embedded server lacks, so
the text is folded in Python (``news.text.fold``: ``Tổ chức`` → ``to chuc``)
and stored as a ``tsvector`` in ``Article.search_vector`` with the ``simple``
configuration (no stemming, no stop words: Vietnamese syllables are words).
Queries are folded the same way, so ``TỔ CHỨC``, ``to chuc`` and ``tổ chức``
are one query.

Weights: title A, summary and tags B, body C; ``SearchRank`` therefore puts a
title match above a match in the body only.
"""

import html
import re
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from news.text import fold

CONFIG = "simple"
# ts_rank weights for D, C, B, A: a title hit outweighs many hits in the body.
RANK_WEIGHTS = [0.05, 0.1, 0.4, 1.0]
# Letters and digits; "_" is a word character to Python but not to a reader.
_WORD = re.compile(r"[^\W_]+")
# Highlighting folds text one character at a time; the alphabet is small.
_fold_char = lru_cache(maxsize=4096)(fold)


def body_text(body_html):
    """The readable text of stored rich text: tags stripped, entities decoded."""
    return html.unescape(strip_tags(body_html or ""))


def document(*, title, summary, body, tag_names):
    """The weighted ``tsvector`` expression of an article's folded text.

    Takes plain values, not an Article, so that migrations can use it too.
    """
    parts = [
        (fold(title), "A"),
        (fold(summary), "B"),
        (fold(" ".join(tag_names)), "B"),
        (fold(body_text(body)), "C"),
    ]
    vector = None
    for text, weight in parts:
        part = SearchVector(Value(text), config=CONFIG, weight=weight)
        vector = part if vector is None else vector + part
    return vector


def update_search_vectors(article_ids):
    """Recompute the stored search text of these articles (after a save or a tag change).

    One query for the rows and their tags, one UPDATE per article.
    """
    from news.models import Article

    articles = (
        Article.objects.filter(pk__in=list(article_ids))
        .only("id", "title", "summary", "body")
        .prefetch_related("tags")
    )
    for article in articles:
        Article.objects.filter(pk=article.pk).update(
            search_vector=document(
                title=article.title,
                summary=article.summary,
                body=article.body,
                tag_names=[tag.name for tag in article.tags.all()],
            )
        )


def query_terms(query):
    """The folded words of a reader's query: ``"Tổ CHỨC!"`` → ``["to", "chuc"]``."""
    return _WORD.findall(fold(query))


def search_query(query):
    """A ``SearchQuery`` matching every folded word of ``query``."""
    return SearchQuery(" ".join(query_terms(query)), config=CONFIG, search_type="plain")


def _folded_with_positions(text):
    """``text`` folded character by character, and where each folded character came from.

    Folding keeps one character per precomposed Vietnamese letter, but a
    decomposed mark folds to nothing and a few letters to two characters, so
    matches are mapped back through the position list rather than by index.
    """
    folded, origin = [], []
    for index, char in enumerate(text):
        for folded_char in _fold_char(char):
            folded.append(folded_char)
            origin.append(index)
    return "".join(folded), origin


def _match_spans(text, terms):
    """(start, end) spans of ``text`` whose folded form is one of ``terms``, as words."""
    if not terms or not text:
        return []
    folded, origin = _folded_with_positions(text)
    spans = []
    for match in _WORD.finditer(folded):
        if match.group() in terms:
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            # Take the marks that follow the last letter (decomposed text) along.
            while end < len(text) and _fold_char(text[end]) == "":
                end += 1
            spans.append((start, end))
    return spans


def matches(text, terms):
    """Whether a word of ``text`` folds to one of ``terms``."""
    return bool(_match_spans(text, set(terms)))


def highlight(text, terms):
    """``text`` escaped, with the words matching ``terms`` in ``<mark>``."""
    terms = set(terms)
    pieces, last = [], 0
    for start, end in _match_spans(text, terms):
        pieces.append(escape(text[last:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def snippet(text, terms, words=36):
    """About ``words`` words of ``text`` around the first match, highlighted."""
    text = " ".join(text.split())
    terms = set(terms)
    spans = _match_spans(text, terms)
    tokens = text.split(" ")
    if not tokens or not text:
        return ""
    first = 0
    if spans:
        first = text.count(" ", 0, spans[0][0])
    begin = max(0, first - words // 3)
    end = min(len(tokens), begin + words)
    begin = max(0, min(begin, end - words))
    shown = " ".join(tokens[begin:end])
    result = highlight(shown, terms)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(f"{prefix}{result}{suffix}")
