from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from news.models import Article
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_published_article_is_visible_from_its_publish_time_exactly():
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(publish_at=ten)
    with time_machine.travel(ten - timedelta(microseconds=1), tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
    with time_machine.travel(ten, tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_drafts_are_never_published():
    article = make_article(status=Article.Status.DRAFT)
    assert article not in Article.objects.published()


def test_articles_of_an_inactive_category_are_hidden():
    article = make_article(category=make_category(is_active=False))
    assert article not in Article.objects.published()


def test_published_accepts_an_explicit_moment():
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(publish_at=ten)
    assert article not in Article.objects.published(at=ten - timedelta(minutes=1))
    assert article in Article.objects.published(at=ten)


def test_scheduled_article_page_is_404_before_and_200_at_its_time(client):
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(publish_at=ten)
    with time_machine.travel(datetime(2024, 3, 1, 9, 59, tzinfo=HCM), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.title not in client.get("/").content.decode()
    with time_machine.travel(ten, tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.title in client.get("/").content.decode()


def test_one_loaded_article_agrees_with_published_in_every_state():
    now = timezone.now()
    hidden = make_category(is_active=False)
    cases = [
        make_article(),
        make_article(status=Article.Status.DRAFT),
        make_article(publish_at=now + timedelta(minutes=1)),
        make_article(take_down_at=now - timedelta(minutes=1)),
        make_article(take_down_at=now + timedelta(minutes=1)),
        make_article(category=hidden),
    ]
    published = set(Article.objects.published(at=now).values_list("pk", flat=True))
    for article in Article.objects.select_related("category").filter(
        pk__in=[a.pk for a in cases]
    ):
        assert article.is_visible_to_readers(at=now) == (article.pk in published)
    assert len(published) == 2
