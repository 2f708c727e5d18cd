"""The allow-list every stored rich text passes through (CKEditor stores what it is sent).

Stored HTML carries no inline styles: public pages forbid them
(Content-Security-Policy, docs/deploy.md), so the layout CKEditor expresses with
styles (alignment, floats, indents) becomes classes that static/css/site.css
styles, and sizes set by style are dropped (pictures keep their width and height
attributes). The editor itself is set up to write those classes
(settings.CKEDITOR_CONFIGS).
"""

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
# Inline styles CKEditor writes for alignment and layout: read, then turned into
# classes by styles_to_classes; no style attribute is stored.
ALLOWED_STYLES = {"text-align", "float", "margin-left", "margin-right"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

ALIGN_CLASSES = {
    "left": "text-left",
    "center": "text-center",
    "right": "text-right",
    "justify": "text-justify",
}
FLOAT_CLASSES = {"left": "image-left", "right": "image-right"}
# CKEditor indents by 40px a step; five steps are as deep as a page goes.
INDENT_STEP_PX, INDENT_MAX = 40, 5

# nh3's output is normalised: attribute values are double-quoted with '"' escaped,
# and '<' in text is escaped, so start tags can be read with a pattern.
_START_TAG = re.compile(
    r'<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/"]+(?:="[^"]*")?)*)(\s*/?)>'
)
_ATTRIBUTE = re.compile(r'\s+([^\s=>/"]+)(?:="([^"]*)")?')


def sanitize_html(html):
    """Return ``html`` with only allow-listed tags, attributes and URL schemes, and
    layout classes in place of inline styles."""
    clean = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        filter_style_properties=ALLOWED_STYLES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return styles_to_classes(clean)


def styles_to_classes(html):
    """Replace every ``style`` attribute of nh3-cleaned ``html`` by the classes
    that give the same layout (``text-center``, ``image-left``, ``indent-2``...)."""
    if 'style="' not in html:
        return html
    return _START_TAG.sub(_rewrite_tag, html)


def _rewrite_tag(match):
    name, attributes_text, end = match.groups()
    if 'style="' not in attributes_text:
        return match.group(0)
    attributes = dict(_ATTRIBUTE.findall(attributes_text))
    classes = attributes.get("class", "").split()
    for extra in layout_classes(attributes.pop("style", "")):
        if extra not in classes:
            classes.append(extra)
    if classes:
        attributes["class"] = " ".join(classes)
    else:
        attributes.pop("class", None)
    rendered = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return f"<{name}{rendered}{end}>"


def layout_classes(style):
    """The classes for the declarations of one ``style`` attribute."""
    declarations = {}
    for part in style.split(";"):
        prop, _sep, value = part.partition(":")
        declarations[prop.strip().lower()] = value.strip().lower()
    classes = []
    align = ALIGN_CLASSES.get(declarations.get("text-align", ""))
    if align:
        classes.append(align)
    floated = FLOAT_CLASSES.get(declarations.get("float", ""))
    if floated:
        classes.append(floated)
    elif declarations.get("margin-left") == declarations.get("margin-right") == "auto":
        classes.append("image-center")
    else:
        indent = re.fullmatch(r"(\d+(?:\.\d+)?)px", declarations.get("margin-left", ""))
        if indent:
            steps = round(float(indent.group(1)) / INDENT_STEP_PX)
            if steps > 0:
                classes.append(f"indent-{min(steps, INDENT_MAX)}")
    return classes


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
