"""Vietnamese text helpers: slugs and diacritic-free folding."""

import re
import unicodedata

from django.utils.text import slugify

# Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def fold(text):
    """Lower-case ``text`` and strip every Vietnamese tone and vowel mark.

    ``fold("Cụm THI ĐUA")`` is ``"cum thi dua"``.
    """
    text = unicodedata.normalize("NFD", (text or "").translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text).lower()


def slugify_vi(text, max_length=200):
    """A URL slug from Vietnamese text: ``đ`` → ``d``, marks removed, single hyphens."""
    slug = slugify(fold(text))
    slug = re.sub(r"[-_]+", "-", slug).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
