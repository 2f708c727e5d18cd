"""The admin is Vietnamese throughout: pages an editor sees show no English
interface text (the other direction of test_english.py).

The test walks the admin as each role sees it, following the links of every page
it opens, and reads the interface text of each page: text nodes, option labels,
buttons, and the title, placeholder, aria-label and alt attributes. A text is
English when it holds a word of Django's own English interface (the message ids of
the admin, auth, contenttypes, sessions and taggit catalogues) that Vietnamese does
not use. The content the test creates is Vietnamese, so any English left comes from
an untranslated interface string.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import polib
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from news.services import add_attachment
from portal.roles import ADMINISTRATOR, MANAGING_EDITOR, REPORTER
from tests.factories import (
    PDF_BYTES,
    make_album,
    make_article,
    make_banner,
    make_category,
    make_comment,
    make_user,
    make_vote,
)

pytestmark = pytest.mark.django_db

# Words of the English catalogues that Vietnamese text on these pages uses too:
# names of formats, products and protocols, and the glossary's "Email".
ALLOWED_WORDS = {
    "email", "url", "urls", "html", "pdf", "zip", "doc", "docx", "xls", "xlsx", "odt",
    "ods", "word", "excel", "opendocument", "jpeg", "png", "webp", "gif", "csv", "rss",
    "django", "ckeditor", "utc", "asia", "chi", "minh", "bot", "bots", "admin", "ids",
    "iso", "json", "uuid", "ipv", "sms", "div", "http", "https", "www",
    "site",  # the keep-alive banner's wording, as the glossary gives it
    "web", "byte", "cookie", "control", "command", "mac", "ldap",
}  # fmt: skip
# Vietnamese words written without marks that are also English abbreviations in
# Django's catalogues (Thu, Mon, Sat...).
VIETNAMESE_WORDS = {
    "thu",
    "mon",
    "sat",
    "tin",
    "con",
    "ban",
    "hay",
    "nam",
    "anh",
    "cho",
}
SKIPPED_PARTS = ("/logout/", "/export/", "/jsi18n/", "/autocomplete/")
MAX_PAGES = 120


def english_vocabulary():
    import django
    import taggit

    roots = [
        Path(django.__file__).parent / "contrib" / app / "locale" / "en" / "LC_MESSAGES"
        for app in ("admin", "auth", "contenttypes", "sessions")
    ]
    roots.append(
        Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES"
    )
    roots.append(Path(taggit.__file__).parent / "locale" / "en" / "LC_MESSAGES")
    words = set()
    for root in roots:
        for po_file in root.glob("*.po"):
            for entry in polib.pofile(str(po_file)):
                for text in (entry.msgid, entry.msgid_plural or ""):
                    text = re.sub(r"%\(\w+\)\w|%\w|\{\w*\}|<[^>]+>", " ", text)
                    words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return words - ALLOWED_WORDS - VIETNAMESE_WORDS


VOCABULARY = None


class InterfaceText(HTMLParser):
    """Text a person reads or hears on a page, and the admin links on it."""

    READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
    SKIPPED_TAGS = {"script", "style", "textarea", "code", "pre"}

    def __init__(self):
        super().__init__()
        self.texts, self.links, self.skipping = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIPPED_TAGS:
            self.skipping += 1
        for name in self.READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.texts.append(attrs.get("value") or "")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in self.SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def english_left(html, own_content=()):
    global VOCABULARY
    if VOCABULARY is None:
        VOCABULARY = english_vocabulary()
    parser = InterfaceText()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        for content in own_content:
            text = text.replace(content, " ")
        text = re.sub(r"\S+@\S+|https?://\S+|/\S*", " ", text)
        # Whole words (Vietnamese letters included), then the ASCII ones: "thuần"
        # is not the English abbreviation "Thu".
        words = {
            word.lower()
            for word in re.findall(r"[^\W\d_]+", text)
            if re.fullmatch(r"[A-Za-z]{3,}", word)
        }
        if words & VOCABULARY:
            found.add(" ".join(text.split())[:120])
    return sorted(found), parser.links


def walk_admin(client, start="/admin/", own_content=()):
    """Every admin page reachable from ``start`` by links, with the English
    interface text found on each."""
    seen, queue, problems = set(), [start], {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        # One page of each kind: the change page of one row stands for all rows.
        key = re.sub(r"/\d+/", "/N/", url)
        if key in seen:
            continue
        seen.add(key)
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        left, links = english_left(response.content.decode(), own_content)
        if left:
            problems[url] = left
        for link in links:
            absolute = urljoin(url, link)
            parts = urlsplit(absolute)
            if parts.netloc or not parts.path.startswith("/admin/"):
                continue
            if any(part in parts.path for part in SKIPPED_PARTS):
                continue
            # A list's filters, orderings and pages show the same words.
            queue.append(parts.path)
    return seen, problems


@pytest.fixture
def newsroom():
    category = make_category(name="Thời sự", slug="thoi-su")
    make_category(name="Địa phương", slug="dia-phuong", parent=category)
    article = make_article(
        title="Hội nghị tổng kết công tác năm",
        category=category,
        tags=["Mặt trận Tổ quốc", "cuộc vận động"],
        source="Báo Nhân Dân",
        author="Phóng viên Lan",
    )
    add_attachment(article=article, file=ContentFile(PDF_BYTES, name="ke-hoach.pdf"))
    make_comment(article=article, name="Bạn đọc Hùng", text="Bài viết hay.")
    make_vote(article, 5)
    make_album(title="Ảnh hội nghị", photos=1)
    make_banner(alt_text="Biểu ngữ đầu trang")
    return article


def own_content(article):
    return [
        article.title,
        "<unknown>",  # what django-axes stores for a request without a user agent
        "example.org",
        "Nội dung bài viết.",
        "Tóm tắt bài viết.",
    ]


@pytest.mark.parametrize("role", [REPORTER, MANAGING_EDITOR, ADMINISTRATOR])
def test_every_admin_page_a_role_sees_is_in_vietnamese(client, newsroom, role):
    user = make_user("nguoidung", role=role)
    if role == REPORTER:
        newsroom.created_by = user
        newsroom.status = newsroom.Status.DRAFT
        newsroom.save()
    client.force_login(user)
    extra = [
        reverse("admin:news_article_history", args=[newsroom.pk]),
        reverse("admin:password_change"),
    ]
    seen, problems = walk_admin(client, own_content=own_content(newsroom))
    for url in extra:
        _seen, more = walk_admin(client, url, own_content(newsroom))
        problems.update(more)
    assert len(seen) > 10
    assert problems == {}


def test_the_user_pages_of_a_superuser_are_in_vietnamese(client, newsroom):
    admin = make_user("quantri", is_staff=True, is_superuser=True)
    other = make_user("phongvien", role=REPORTER)
    client.force_login(admin)
    problems = {}
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[other.pk]),
        reverse("admin:auth_user_password_change", args=[other.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_add"),
        reverse("admin:auth_user_delete", args=[other.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        left, _links = english_left(response.content.decode(), own_content(newsroom))
        if left:
            problems[url] = left
    assert problems == {}


def test_the_login_and_logout_pages_are_in_vietnamese(client):
    left, _links = english_left(client.get("/admin/login/").content.decode())
    assert left == []
    client.force_login(make_user(role=REPORTER))
    left, _links = english_left(client.post("/admin/logout/").content.decode())
    assert left == []


def test_the_admin_scripts_speak_vietnamese(client):
    """Every message of the admin's scripts (the two-box group picker, the
    calendar, the selected-rows counter) has a Vietnamese translation."""
    import json

    import django

    client.force_login(make_user(role=MANAGING_EDITOR))
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S)[1])
    source = polib.pofile(
        str(
            Path(django.__file__).parent
            / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
        )
    )
    missing = []
    for entry in source:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        translated = catalog.get(key)
        if not translated or (isinstance(translated, list) and not all(translated)):
            missing.append(entry.msgid)
    assert missing == []
    assert catalog["%(sel)s of %(cnt)s selected"] == ["Đã chọn %(sel)s/%(cnt)s"]


def test_the_vietnamese_catalogues_of_the_project_are_complete():
    from django.conf import settings

    for path in Path(settings.BASE_DIR).glob("**/locale/vi/LC_MESSAGES/*.po"):
        if ".venv" in path.parts:
            continue
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path
        assert po.fuzzy_entries() == [], path
