from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from portal import pagecache
from portal.models import SiteSettings
from stats.models import ArticleDailyViews, DailyTraffic
from stats.services import rollup
from tests.factories import make_article
from tests.stats.test_recording import CHROME

pytestmark = pytest.mark.django_db


def test_visit_block_formats_numbers_for_the_language_and_adds_the_offset(client):
    today = timezone.localdate()
    DailyTraffic.objects.create(day=today, visits=910, page_views=2000)
    DailyTraffic.objects.create(day=today.replace(day=1) - timedelta(days=1), visits=5)
    site = SiteSettings.load()
    site.visits_offset = 483_000
    site.save()
    page = client.get("/", HTTP_USER_AGENT=CHROME).content.decode()
    assert "Thống kê truy cập" in page
    assert 'data-figure="today">910</dd>' in page
    assert 'data-figure="total">483.915</dd>' in page
    client.cookies["django_language"] = "en"
    page = client.get("/", HTTP_USER_AGENT=CHROME).content.decode()
    assert "Visit statistics" in page and "Online now" in page
    assert 'data-figure="total">483,915</dd>' in page


def test_visit_block_costs_no_query_while_cached(client, django_assert_num_queries):
    from stats import figures

    figures.visit_figures()
    # One query: the article's views, read for the first time; the block's figures
    # (and the site settings with the offset) come from the cache.
    with django_assert_num_queries(1):
        figures.visit_figures()
        figures.article_views(1)


def test_article_page_shows_its_views_and_most_read_lists_the_week(client):
    top = make_article(title="Tin được đọc nhiều")
    other = make_article(title="Tin ít người đọc")
    old = make_article(title="Tin đọc nhiều tuần trước")
    today = timezone.localdate()
    ArticleDailyViews.objects.create(day=today, article=top, views=37_689)
    ArticleDailyViews.objects.create(
        day=today - timedelta(days=6), article=other, views=3
    )
    ArticleDailyViews.objects.create(
        day=today - timedelta(days=7), article=old, views=99_999
    )
    for n in range(2):
        client.get(
            top.get_absolute_url(), REMOTE_ADDR=f"192.0.2.{n}", HTTP_USER_AGENT=CHROME
        )
    rollup()
    cache.clear()
    pagecache.clear()
    page = client.get(other.get_absolute_url(), HTTP_USER_AGENT=CHROME).content.decode()
    block = page.split("Đọc nhiều nhất", 1)[1]
    assert block.index("Tin được đọc nhiều") < block.index("Tin ít người đọc")
    assert "Tin đọc nhiều tuần trước" not in block
    assert "37.691 lượt xem" in block
    # The block says which period its counts cover; the article page's are all-time.
    assert '<p class="block-note">Lượt xem trong 7 ngày qua</p>' in block
    cache.clear()
    pagecache.clear()
    page = client.get(top.get_absolute_url(), HTTP_USER_AGENT=CHROME).content.decode()
    assert (
        '<p class="article-views">Lượt xem: <span data-figure="article-views">'
        "37.691</span></p>"
    ) in page


def test_most_read_block_says_the_period_it_counts(client, monkeypatch):
    from stats import figures

    monkeypatch.setattr(figures, "MOST_READ_DAYS", 30)
    article = make_article(title="Tin của tháng")
    today = timezone.localdate()
    ArticleDailyViews.objects.create(
        day=today - timedelta(days=20), article=article, views=12
    )
    page = client.get("/", HTTP_USER_AGENT=CHROME).content.decode()
    block = page.split("Đọc nhiều nhất", 1)[1]
    assert "Lượt xem trong 30 ngày qua" in block and "Tin của tháng" in block
    cache.clear()
    client.cookies["django_language"] = "en"
    page = client.get("/", HTTP_USER_AGENT=CHROME).content.decode()
    assert "Most read" in page and "Views in the last 30 days" in page
