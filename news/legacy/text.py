"""NukeViet text as ours: plain text unescaped, rich text with its upload links
rewritten."""

import html
import re
from datetime import UTC, datetime

from django.utils.translation import gettext as _

# NukeViet stores titles and short texts HTML-escaped (&amp;, &#33;) and breaks
# lines with <br />.
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_UPLOAD_LINK = re.compile(
    r"""(?P<before>\b(?:src|href)\s*=\s*)(?P<quote>["']?)(?P<url>[^"'\s>]+)(?P=quote)""",
    re.IGNORECASE,
)
# The year 2038 is where NukeViet's int(11) times stop being plausible; 1990
# predates every NukeViet site.
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


class BadRow(Exception):
    """A row that cannot come over; the message says why (it is reported with the
    table and id, and the import goes on)."""


def plain(value):
    """Plain text from a NukeViet text field: tags dropped, entities unescaped,
    line breaks kept, spaces collapsed."""
    text = _BREAK.sub("\n", value or "")
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def one_line(value):
    return " ".join(plain(value).split())


def storable(value, field):
    """``value`` unless PostgreSQL cannot store it (a NUL character)."""
    if value and "\x00" in value:
        raise BadRow(_("%(field)s chứa ký tự NUL, không lưu được.") % {"field": field})
    return value


def moment(timestamp, field, *, required=False):
    """An aware datetime from a NukeViet Unix time; None for 0 unless required.

    BadRow for an impossible time (0 where one is required, or outside
    1990–2100)."""
    try:
        seconds = int(timestamp or 0)
    except (TypeError, ValueError):
        seconds = -1
    if seconds == 0 and not required:
        return None
    at = datetime.fromtimestamp(max(seconds, 0), tz=UTC)
    if seconds <= 0 or not (EARLIEST <= at < LATEST):
        raise BadRow(
            _("%(field)s không hợp lệ (%(value)s).")
            % {"field": field, "value": timestamp}
        )
    return at


def rewrite_links(body, new_url):
    """``body`` with every ``src``/``href`` for which ``new_url(url)`` returns an
    address replaced by it (the old uploads, copied here)."""

    def replace(match):
        url = html.unescape(match["url"])
        new = new_url(url)
        if not new:
            return match.group(0)
        return f'{match["before"]}"{html.escape(new)}"'

    return _UPLOAD_LINK.sub(replace, body or "")
