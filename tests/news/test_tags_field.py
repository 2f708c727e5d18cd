"""The tags field of the article form, its suggestions and the one tag admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from news.models import Article
from news.tagging import edit_string_for_tags, parse_tags
from tests.factories import make_article, make_category, make_user
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "text, names",
    [
        ("Mặt trận Tổ quốc", ["Mặt trận Tổ quốc"]),
        ('"Mặt trận Tổ quốc", "cuộc vận động"', ["Mặt trận Tổ quốc", "cuộc vận động"]),
        ("Biển đảo,  Quốc   phòng ,", ["Biển đảo", "Quốc phòng"]),
        ('"Hà Nội, Việt Nam", thi đua', ["Hà Nội, Việt Nam", "thi đua"]),
        ("Thi đua, thi đua", ["Thi đua"]),
        (" , ,", []),
    ],
)
def test_tags_are_separated_by_commas_only(text, names):
    assert parse_tags(text) == names


def test_the_field_shows_names_without_quotes_and_reads_them_back_the_same(
    client, editor
):
    article = make_article(tags=["Mặt trận Tổ quốc", "cuộc vận động", "Hà Nội, Huế"])
    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    value = page.context["adminform"].form["tags"].value()
    shown = edit_string_for_tags(value)
    assert shown == 'cuộc vận động, "Hà Nội, Huế", Mặt trận Tổ quốc'
    assert 'value="cuộc vận động, &quot;Hà Nội, Huế&quot;, Mặt trận Tổ quốc"' in (
        page.content.decode()
    )
    assert sorted(parse_tags(shown)) == sorted(t.name for t in article.tags.all())


def test_one_tag_of_several_words_typed_alone_stays_one_tag(client, editor):
    response = client.post(
        reverse("admin:news_article_add"),
        article_form(make_category(), tags="Mặt trận Tổ quốc"),
    )
    assert response.status_code == 302
    assert [t.name for t in Article.objects.get().tags.all()] == ["Mặt trận Tổ quốc"]


def test_a_tag_longer_than_the_limit_is_a_form_error(client, editor):
    response = client.post(
        reverse("admin:news_article_add"),
        article_form(make_category(), tags="Thi đua, " + "dài " * 40),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["tags"]
    assert errors[0].startswith("Từ khóa dài quá 100 ký tự")
    assert not Article.objects.exists()


def test_suggestions_are_existing_tags_matching_with_or_without_diacritics(
    client, editor
):
    make_article(tags=["Mặt trận Tổ quốc", "cuộc vận động"])
    make_article(tags=["cuộc vận động"])
    url = reverse("admin:news_article_tag_suggestions")
    assert client.get(url, {"q": "vận"}).json() == {"tags": ["cuộc vận động"]}
    assert client.get(url, {"q": "mat tran"}).json() == {"tags": ["Mặt trận Tổ quốc"]}
    assert client.get(url, {"q": "  "}).json() == {"tags": []}
    assert client.get(url, {"q": "x" * 5000}).status_code == 200
    assert client.get(url, {"q": "v\x00ận"}).json() == {"tags": ["cuộc vận động"]}


def test_reporters_get_suggestions_and_readers_do_not(client):
    make_article(tags=["Biển đảo"])
    url = reverse("admin:news_article_tag_suggestions")
    assert client.get(url, {"q": "biển"}).status_code == 302  # to the login page
    client.force_login(make_user(role="Phóng viên"))
    assert client.get(url, {"q": "biển"}).json() == {"tags": ["Biển đảo"]}


def test_the_article_form_asks_for_a_wide_tags_field_with_suggestions(client, editor):
    page = client.get(reverse("admin:news_article_add")).content.decode()
    assert 'class="vTextField tag-input"' in page
    assert 'data-suggest-url="/admin/news/article/tag-suggestions/"' in page
    assert "js/tag-suggest.js" in page and "css/admin-article.css" in page


def test_there_is_one_tag_admin(client):
    from taggit.models import Tag as TaggitTag

    from news.models import Tag

    assert not admin.site.is_registered(TaggitTag)
    assert admin.site.is_registered(Tag)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/taggit/" not in index
    assert 'href="/admin/news/tag/"' in index
