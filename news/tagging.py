"""How the tags field reads and writes its text: names separated by commas.

taggit's own rules split a text without commas on spaces and put quotes around
every name with a space, so ``Mặt trận Tổ quốc`` came back as
``"Mặt trận Tổ quốc"`` and, typed alone, became three tags. Vietnamese tags are
mostly several words: here only commas separate, and only a name that itself holds
a comma is quoted. Settings ``TAGGIT_TAGS_FROM_STRING`` and
``TAGGIT_STRING_FROM_TAGS`` point here.
"""

import re

# A quoted name (which may hold commas) or a run of anything but commas.
_NAME = re.compile(r'\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)')


def parse_tags(text):
    """Tag names in ``text``, separated by commas, each once (ignoring case),
    sorted. Spaces inside a name are kept; double quotes keep a comma inside."""
    names = {}
    for quoted, plain in _NAME.findall(text or ""):
        name = " ".join((quoted if quoted else plain.replace('"', "")).split())
        if name:
            names.setdefault(name.casefold(), name)
    return sorted(names.values())


def edit_string_for_tags(tags):
    """The tags' names as the field shows them: ``a, b c``; quoted only when a
    name holds a comma, so that saving the text unchanged gives the same tags."""
    names = [tag.name for tag in tags]
    return ", ".join(
        f'"{name}"' if "," in name else name for name in sorted(names, key=str.lower)
    )
