"""The allow-list every stored rich text passes through (CKEditor stores what it is sent)."""

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "div",
    "span",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "strike",
    "sub",
    "sup",
    "small",
    "mark",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "title", "lang", "dir"},
    "a": {"href", "target", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
    "p": {"style"},
    "div": {"style"},
    "span": {"style"},
    "figure": {"style"},
    "table": {"style"},
}
# Inline styles CKEditor writes for alignment and table layout, and nothing else.
ALLOWED_STYLES = {"text-align", "float", "width", "height", "margin", "margin-left"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """Return ``html`` with only allow-listed tags, attributes, styles and URL schemes."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        filter_style_properties=ALLOWED_STYLES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Blocks around which whitespace is layout only: CKEditor writes a blank line after
# each and indents list items with tabs; browsers show the same text either way.
BLOCK_TAGS = (
    "p|br|hr|div|h[1-6]|ul|ol|li|blockquote|pre|figure|figcaption|table|thead|"
    "tbody|tfoot|tr|th|td|caption|colgroup|col"
)
_SPACE_AROUND_BLOCKS = re.compile(rf"\s*(</?(?:{BLOCK_TAGS})\b[^>]*>)\s*")
_SPACES = re.compile(r"\s+")


def comparable_html(html):
    """``html`` sanitised and with layout-only whitespace removed, so that the same
    text as stored and as CKEditor posts it back (entities for accented letters,
    line breaks and tabs between blocks) compares equal. Whitespace between words
    and inline elements is kept: it is content."""
    text = _SPACES.sub(" ", sanitize_html(html))
    return _SPACE_AROUND_BLOCKS.sub(r"\1", text).strip()
