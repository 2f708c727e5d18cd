"""An article that is only a link sends readers to its source."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_readers_are_sent_to_the_external_address(client):
    article = make_article(external_url="https://chinhphu.vn/tin-goc.html")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == "https://chinhphu.vn/tin-goc.html"
    # Lists still link to the article's own address.
    assert article.get_absolute_url() in client.get("/").content.decode()


def test_staff_preview_of_an_unpublished_link_article_shows_the_page(client):
    article = make_article(
        external_url="https://chinhphu.vn/tin-goc.html", status=Article.Status.DRAFT
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert (
        reverse("admin:news_article_change", args=[article.pk])
        in response.content.decode()
    )


def test_the_sitemap_lists_no_article_that_is_only_a_link(client):
    page = make_article(title="Bài có trang")
    link = make_article(external_url="https://chinhphu.vn/tin-goc.html")
    xml = client.get("/sitemap-articles.xml").content.decode()
    assert page.get_absolute_url() in xml
    assert link.get_absolute_url() not in xml
