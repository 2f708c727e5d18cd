"""Visits and views brought from an old system continue in our figures."""

import pytest
from django.utils import timezone

from portal.models import SiteSettings
from stats import dashboard, figures
from stats.models import (
    ArticleDailyViews,
    DailyTraffic,
    OpeningArticleViews,
    OpeningVisits,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_this_month_and_the_total_continue_from_the_opening_visits():
    today = timezone.localdate()
    DailyTraffic.objects.create(day=today, visits=10, page_views=20)
    OpeningVisits.objects.create(year=today.year, month=today.month, visits=1500)
    OpeningVisits.objects.create(year=today.year - 1, month=0, visits=40_000)
    site = SiteSettings.load()
    site.visits_offset = 483_000
    site.save()
    shown = figures.visit_figures()
    assert (shown["today"], shown["month"], shown["total"]) == (10, 1510, 483_010)


def test_the_dashboard_adds_opening_visits_to_months_and_years():
    today = timezone.localdate()
    DailyTraffic.objects.create(day=today, visits=10, page_views=20)
    OpeningVisits.objects.create(year=today.year, month=today.month, visits=1500)
    OpeningVisits.objects.create(year=today.year, month=0, visits=700)
    OpeningVisits.objects.create(year=2019, month=0, visits=40_000)
    opening = dashboard.opening_visits()
    monthly = dashboard.monthly_table(today, opening)
    assert monthly.rows[-1] == [today.strftime("%m/%Y"), 1510, 20]
    yearly = dashboard.yearly_table(today, opening)
    rows = {row[0]: row[1:] for row in yearly.rows}
    assert rows["2019"] == [40_000, 0]
    assert rows["2020"] == [0, 0]
    assert rows[str(today.year)] == [2210, 20]
    cards = {
        str(card.label): card
        for card in dashboard.cards(timezone.now(), today, opening=opening)
    }
    assert cards["Tháng hiện tại"].value == 1510


def test_an_articles_views_continue_from_its_opening_views(client):
    article = make_article()
    OpeningArticleViews.objects.create(article=article, views=1234)
    ArticleDailyViews.objects.create(day=timezone.localdate(), article=article, views=6)
    assert figures.article_views(article.pk) == 1240
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'data-figure="article-views">1.240<' in page
