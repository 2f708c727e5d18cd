"""Category and tag pages are read from each page's first key, never with OFFSET."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from portal.models import SiteSettings
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_every_page_holds_what_offset_paging_would_even_with_equal_times(
    cold_get,
):
    category = make_category()
    moment = timezone.now() - timedelta(hours=1)
    for i in range(47):
        # Groups of five share a publishing time: the id breaks the tie.
        make_article(
            title=f"Tin {i}",
            category=category,
            publish_at=moment + timedelta(minutes=i // 5),
        )
    make_article(title="Nháp", category=category, status=Article.Status.DRAFT)
    expected = list(
        Article.objects.published()
        .filter(category=category)
        .order_by("-publish_at", "-id")
        .values_list("title", flat=True)
    )
    url = category.get_absolute_url()
    seen = []
    for page in (1, 2, 3):
        response = cold_get(f"{url}?page={page}")
        assert response.context["paginator"].count == 47
        seen += titles(response)
    assert seen == expected
    assert titles(cold_get(f"{url}?page=last")) == expected[40:]
    assert cold_get(f"{url}?page=4").status_code == 404
    assert cold_get(f"{url}?page=0").status_code == 404


def test_a_deep_page_reads_no_offset_and_no_count(cold_get):
    SiteSettings.load()  # made on first use otherwise, which is a change
    category = make_category()
    for _ in range(45):
        make_article(category=category)
    url = category.get_absolute_url()
    cold_get(url)  # the page starts of this list are read once
    with CaptureQueriesContext(connection) as queries:
        response = cold_get(f"{url}?page=3")
    assert len(response.context["articles"]) == 5
    sql = " ".join(q["sql"] for q in queries.captured_queries).upper()
    assert "OFFSET" not in sql and "COUNT(*)" not in sql


def test_a_new_article_moves_the_pages_at_once(cold_get):
    category = make_category()
    for i in range(21):
        make_article(title=f"Cũ {i}", category=category)
    url = category.get_absolute_url()
    assert len(titles(cold_get(f"{url}?page=2"))) == 1
    make_article(title="Mới nhất", category=category)
    assert titles(cold_get(url))[0] == "Mới nhất"
    assert len(titles(cold_get(f"{url}?page=2"))) == 2


def test_an_empty_list_has_one_empty_page(cold_get):
    category = make_category()
    response = cold_get(category.get_absolute_url())
    assert response.status_code == 200 and titles(response) == []


def test_newer_and_older_break_equal_times_by_id(client):
    """The article page's neighbours follow (publish_at, id) order exactly, also
    among articles published at the same moment."""
    category = make_category()
    moment = timezone.now() - timedelta(hours=1)
    same = [
        make_article(title=f"Cùng lúc {i}", category=category, publish_at=moment)
        for i in range(3)
    ]
    before = make_article(
        title="Trước", category=category, publish_at=moment - timedelta(minutes=1)
    )
    after = make_article(
        title="Sau", category=category, publish_at=moment + timedelta(minutes=1)
    )
    middle = same[1]
    published = Article.objects.published().filter(category=category)
    assert list(published.newer_than(middle)) == [same[2], after]
    assert list(published.older_than(middle)) == [same[0], before]
    page = client.get(middle.get_absolute_url())
    assert [a.pk for a in page.context["newer"]] == [same[2].pk, after.pk]
    assert [a.pk for a in page.context["older"]] == [same[0].pk, before.pk]


def test_a_deep_page_starts_at_its_key_in_the_index(cold_get):
    """The page's rows are read from its first key along the index: the key is an
    index bound (a row comparison), not a filter PostgreSQL applies to every newer
    row, which made page 500 of a large category cost 200 times page 1."""
    SiteSettings.load()
    category = make_category()
    for _ in range(45):
        make_article(category=category)
    url = category.get_absolute_url()
    cold_get(url)
    with CaptureQueriesContext(connection) as queries:
        cold_get(f"{url}?page=3")
    (sql,) = [
        q["sql"]
        for q in queries.captured_queries
        if "ORDER BY" in q["sql"] and '"news_article"."publish_at" DESC' in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Cond:" in plan
    index_cond = next(line for line in plan.splitlines() if "Index Cond:" in line)
    assert "ROW(publish_at, id) <=" in index_cond, plan
