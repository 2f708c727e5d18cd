"""A cheap net over every public page: malformed query strings and headers never
give a 500."""

import pytest
from django.urls import reverse

from tests.factories import make_album, make_article, make_comment

pytestmark = pytest.mark.django_db

QUERIES = [
    "?page=abc",
    "?page=99999",
    "?page=-1",
    "?page=1e9",
    "?page=" + "9" * 40,
    "?q=%00",
    "?q=" + "a" * 5000,
    "?q=a&q=b&page=2&page=x",
    "?range=abc&start=2024-02-30",
    "?%ff%fe=%ff",
]
HEADERS = [
    {},
    {"HTTP_USER_AGENT": "x" * 20_000, "HTTP_REFERER": "http://[::1"},
    {"HTTP_X_FORWARDED_FOR": "not-an-ip, , 999.1.1.1", "HTTP_ACCEPT_LANGUAGE": "??"},
    {"HTTP_COOKIE": "django_language=../../etc; sessionid=%ff%00"},
]


def public_urls():
    article = make_article(tags=["thi đua"])
    make_comment(article=article)
    album = make_album(photos=1)
    return [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("news:tag", args=["thi-dua"]),
        reverse("news:search"),
        reverse("news:article-print", args=[article.pk]),
        reverse("news:feed"),
        reverse("news:category-feed", args=[article.category.slug]),
        reverse("gallery:albums"),
        album.get_absolute_url(),
        reverse("contact"),
        reverse("contact-sent"),
        "/favicon.ico",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/robots.txt",
        "/tin-tuc/khong-co/",
        "/tin-tuc/bai-viet/99999999/",
    ]


def test_no_public_page_answers_500_to_a_malformed_query_string(client):
    for url in public_urls():
        for query in QUERIES:
            response = client.get(url + query)
            assert response.status_code < 500, (url, query, response.status_code)


def test_no_public_page_answers_500_to_strange_headers(client):
    for url in public_urls():
        for headers in HEADERS:
            response = client.get(url, **headers)
            assert response.status_code < 500, (url, headers, response.status_code)
