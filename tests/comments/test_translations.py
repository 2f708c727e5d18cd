"""Every Vietnamese string of the comments app has an English translation."""

import re
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = [
    *ROOT.glob("comments/**/*.py"),
    *ROOT.glob("templates/comments/**/*.*"),
    ROOT / "templates/admin/index.html",
    ROOT / "templates/403_csrf.html",
]


def _msgids(text):
    ids = []
    for match in re.finditer(
        r"""(?:\b_|gettext_lazy|gettext|ngettext)\(\s*((?:"[^"]*"\s*)+)""", text
    ):
        ids.append("".join(re.findall(r'"([^"]*)"', match.group(1))))
    ids += re.findall(r"""\btranslate\s+"([^"]*)\"""", text)
    ids += re.findall(r"""\btranslate\s+'([^']*)'""", text)
    for body in re.findall(
        r"blocktranslate[^%]*%\}(.*?)\{% (?:endblocktranslate|plural)", text, re.S
    ):
        ids.append(re.sub(r"\{\{ (\w+) \}\}", r"%(\1)s", body))
    return ids


def test_every_string_has_an_english_translation():
    catalog = polib.pofile(str(ROOT / "comments/locale/en/LC_MESSAGES/django.po"))
    translated = {
        entry.msgid
        for entry in catalog
        if entry.msgstr or all(entry.msgstr_plural.values())
    }
    used = {msgid for path in SOURCES for msgid in _msgids(path.read_text())}
    assert len(used) > 80  # the extraction itself works
    assert sorted(used - translated) == []
