"""``manage.py bench_grow``: the growth benchmark's data (bench/README.md), made
small here."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from comments.models import Comment
from news.models import Article, Category, Tag, TaggedArticle
from news.search import document
from portal.growth import NEW_SLUGS, tail_tags
from stats.models import DailyTraffic
from tests.factories import make_article
from tests.stats.test_recording import CHROME

pytestmark = pytest.mark.django_db


def grow(**options):
    out = io.StringIO()
    defaults = {
        "articles": 300,
        "comments": 0,
        "history_days": 2,
        "daily_visits": 20,
        "viewed_articles": 10,
    }
    call_command("bench_grow", stdout=out, **(defaults | options))
    return out.getvalue()


def test_articles_spread_over_thirty_categories_and_ten_years_by_their_shares():
    grow(articles=3000)
    grown = Article.objects.published().filter(category__slug__in=NEW_SLUGS)
    assert Category.objects.count() == 30
    assert Article.objects.published().count() == 3000
    assert grown.values("category").distinct().count() == 21
    welfare = Category.objects.get(slug="an-sinh-xa-hoi")
    assert welfare.parent.slug == "hoat-dong"
    # 12 of 98 shares: the category whose parent gets a page 500 at full size.
    assert 0.09 < welfare.articles.count() / 3000 < 0.16
    dates = Article.objects.values_list("publish_at", flat=True)
    assert max(dates) <= timezone.now() - timedelta(minutes=59)
    assert max(dates) - min(dates) > timedelta(days=9 * 365)


def test_a_few_tags_are_very_common_and_the_rest_a_long_tail():
    grow(articles=3000)
    counts = list(
        Tag.objects.annotate(n=Count("tagged_articles"))
        .order_by("-n")
        .values_list("name", "n")
    )
    assert counts[0][0] in {"an sinh xã hội", "đại đoàn kết"}
    assert counts[0][1] > 0.15 * 3000
    assert min(n for _name, n in counts[:5]) > 0.05 * 3000
    rare = {name: n for name, n in counts if name in set(tail_tags())}
    assert len(rare) > 800
    assert max(rare.values()) < 0.03 * 3000
    assert sorted(rare.values())[len(rare) // 2] < 0.002 * 3000
    untagged = Article.objects.annotate(n=Count("tagged_items")).filter(n__lt=2)
    assert not untagged.exists()


def test_grown_articles_carry_the_search_text_the_site_would_give_them():
    grow(articles=40)
    for article in Article.objects.order_by("id")[:5]:
        tag_names = [
            link.tag.name
            for link in TaggedArticle.objects.filter(content_object=article)
            .select_related("tag")
            .order_by("id")
        ]
        stored, expected = (
            Article.objects.filter(pk=article.pk)
            .annotate(
                expected=document(
                    title=article.title,
                    summary=article.summary,
                    body=article.body,
                    tag_names=tag_names,
                )
            )
            .values_list("search_vector", "expected")
            .get()
        )
        assert stored == expected
    article = Article.objects.order_by("id").first()
    assert article in Article.objects.published().search(article.title)


def test_comments_go_to_the_newest_article_a_fifth_of_them_replies(client):
    newest = make_article(publish_at=timezone.now() - timedelta(minutes=30))
    grow(comments=50)
    comments = Comment.objects.visible()
    assert comments.count() == 50
    assert set(comments.values_list("article", flat=True)) == {newest.pk}
    replies = comments.filter(parent__isnull=False).select_related("parent")
    assert replies.count() == 10
    assert all(reply.parent.created <= reply.created for reply in replies)
    page = client.get(newest.get_absolute_url(), HTTP_USER_AGENT=CHROME)
    assert page.status_code == 200
    assert page.content.decode().count('data-comment="') >= 20  # a page of threads


def test_list_pages_of_the_grown_site_render(client):
    grow(articles=1500)
    page = client.get("/tin-tuc/hoat-dong/?page=2", HTTP_USER_AGENT=CHROME)
    assert page.status_code == 200 and len(page.context["articles"]) == 20
    page = client.get("/the/an-sinh-xa-hoi/?page=2", HTTP_USER_AGENT=CHROME)
    assert page.status_code == 200 and len(page.context["articles"]) == 20


def test_history_is_written_and_a_second_run_is_refused():
    output = grow(history_days=3)
    assert "page views in the last 365 days" in output
    assert DailyTraffic.objects.count() == 3
    with pytest.raises(CommandError, match="already been grown"):
        grow()
    assert Article.objects.count() == 300


def test_bad_counts_are_refused():
    with pytest.raises(CommandError):
        grow(articles=-1)
    with pytest.raises(CommandError):
        grow(comments_on=987654)
    assert not Article.objects.exists()
