"""English is complete: pages in English show no Vietnamese interface text.

The content below is written in ASCII, so any Vietnamese letter left on an
English page comes from an untranslated interface string.
"""

import re

import pytest
from django.urls import reverse

from news.gallery.models import Album
from portal.models import SiteSettings
from tests.factories import (
    make_album,
    make_article,
    make_category,
    make_comment,
    make_user,
    make_vote,
)

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
# Vietnamese an English page may show: the switcher's way back, and the search
# help's example of a query with diacritics.
ALLOWED = ["Tiếng Việt", "“thi đua”"]


def vietnamese_left(html):
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
    for word in ALLOWED:
        html = html.replace(word, "")
    return sorted(
        {line.strip() for line in html.splitlines() if VIETNAMESE.search(line)}
    )


@pytest.fixture
def english_site(client):
    site = SiteSettings.load()
    site.site_name, site.slogan, site.footer_text = "Portal", "News", "Footer"
    site.address, site.phone = "1 Main Street", "0123"
    site.save()
    category = make_category(name="Economy", slug="economy")
    article = make_article(
        title="Harvest news",
        summary="A short lead.",
        body="<p>Body text.</p>",
        category=category,
        source="Agency",
        author="Lan",
        tags=["farming"],
    )
    make_article(
        title="Older news item", summary="Lead.", body="<p>x</p>", category=category
    )
    make_comment(article=article, name="Reader", text="Nice work.")
    make_vote(article, 4)
    album = make_album(title="Harvest photos", photos=2)
    album.photos.update(caption="Rice field")
    client.cookies["django_language"] = "en"
    return article


def public_urls(article):
    return [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("news:tag", args=["farming"]),
        reverse("news:search") + "?q=harvest",
        reverse("news:search") + "?q=x",
        reverse("news:article-print", args=[article.pk]),
        reverse("gallery:albums"),
        reverse("contact"),
        reverse("contact-sent"),
        Album.objects.get().get_absolute_url(),
        "/no-such-page/",
    ]


def test_public_pages_in_english_show_no_vietnamese_interface_text(
    client, english_site
):
    for url in public_urls(english_site):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        html = response.content.decode()
        assert 'lang="en"' in html, url
        assert vietnamese_left(html) == [], url


def test_admin_pages_in_english_show_no_vietnamese_interface_text(client, english_site):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    urls = [
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_add"),
        reverse("admin:news_article_change", args=[english_site.pk]),
        reverse("admin:news_category_changelist"),
        reverse("admin:ratings_vote_changelist"),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:gallery_album_add"),
        reverse("admin:portal_banner_add"),
        reverse("admin:portal_bannedword_changelist"),
        reverse("admin:portal_sitesettings_change", args=[1]),
        reverse("admin:contact_department_add"),
        reverse("admin:contact_contactmessage_changelist"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        left = [
            line
            for line in vietnamese_left(response.content.decode())
            # Content the test created, and the group names stored in the database.
            if "Harvest" not in line
        ]
        assert left == [], url


def test_every_translation_catalogue_is_complete():
    from pathlib import Path

    import polib
    from django.conf import settings

    catalogues = [
        p
        for p in Path(settings.BASE_DIR).glob("**/locale/en/LC_MESSAGES/django.po")
        if ".venv" not in p.parts and "var" not in p.parts
    ]
    assert catalogues
    for path in catalogues:
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path
        assert po.fuzzy_entries() == [], path
