"""An opening balance brought from an old system adds to the votes cast here."""

import json
import re

import pytest
from django.urls import reverse

from ratings.models import OpeningRating, Summary, Vote
from tests.factories import make_article, make_vote

pytestmark = pytest.mark.django_db


def test_summaries_add_the_opening_balance_to_the_votes(django_assert_num_queries):
    old = make_article()
    OpeningRating.objects.create(article=old, total=37, count=9)
    make_vote(old, 5)
    fresh = make_article()
    make_vote(fresh, 3)
    untouched = make_article()
    with django_assert_num_queries(1):
        found = Vote.objects.summaries([old.pk, fresh.pk, untouched.pk])
    assert found == {
        old.pk: Summary(total=42, count=10),
        fresh.pk: Summary(total=3, count=1),
        untouched.pk: Summary(),
    }
    voter = Vote.objects.get(article=old).voter
    with django_assert_num_queries(1):
        assert Vote.objects.summary(old, voter=voter) == Summary(42, 10, mine=5)


def test_an_opening_balance_alone_reads_on_the_page_and_in_json_ld(client):
    article = make_article()
    OpeningRating.objects.create(article=article, total=37, count=9, source="NukeViet")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 37 trong 9 đánh giá" in page
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    )
    rating = json.loads(blocks[0])["aggregateRating"]
    assert (rating["ratingValue"], rating["ratingCount"]) == (4.1, 9)


def test_an_inconsistent_old_balance_keeps_json_ld_within_one_to_five(client):
    article = make_article()
    OpeningRating.objects.create(article=article, total=70, count=9)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 70 trong 9 đánh giá" in page
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    )
    assert json.loads(blocks[0])["aggregateRating"]["ratingValue"] == 5


def test_the_admin_columns_and_panel_count_the_opening_balance(admin_client):
    article = make_article(title="Bài chuyển sang")
    OpeningRating.objects.create(article=article, total=37, count=9, source="NukeViet")
    make_vote(article, 5)
    listing = admin_client.get(
        reverse("admin:news_article_changelist")
    ).content.decode()
    assert "4,2/5 (10)" in listing
    change = admin_client.get(
        reverse("admin:news_article_change", args=[article.pk])
    ).content.decode()
    assert "Trong đó 37 điểm từ 9 đánh giá chuyển từ hệ thống cũ (NukeViet)" in change
    assert (
        admin_client.get(reverse("admin:ratings_openingrating_changelist")).status_code
        == 200
    )
