"""Guests who clear cookies to vote again are limited per client address."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from portal.clientip import hash_ip
from ratings.models import Vote
from ratings.views import IP_SALT
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
PER_ARTICLE = "Từ địa chỉ mạng của bạn đã có quá nhiều lượt đánh giá bài viết này"
PER_ADDRESS = "Từ địa chỉ mạng của bạn đã có quá nhiều lượt đánh giá trong 24 giờ"


def guest_vote(article, score=5, *, client=None, **extra):
    """A vote from a new guest (no voter cookie), as after clearing cookies."""
    client = client or Client()
    return client.post(f"/danh-gia/{article.pk}/", {"score": str(score)}, **extra)


def test_the_sixth_guest_vote_from_one_address_on_one_article_is_429(settings):
    assert settings.RATINGS_GUEST_VOTES_PER_ARTICLE == 5  # the documented default
    article = make_article()
    for _ in range(5):
        assert guest_vote(article).status_code == 302
    refused = guest_vote(article, 1, **JSON)
    assert refused.status_code == 429
    assert refused.json()["error"].startswith(PER_ARTICLE)
    page = guest_vote(article, 1)
    assert page.status_code == 429
    assert PER_ARTICLE in page.content.decode()
    assert Vote.objects.count() == 5
    assert sum(Vote.objects.values_list("score", flat=True)) == 25


def test_a_guest_under_the_limit_may_still_change_their_own_vote():
    article = make_article()
    first = Client()
    assert guest_vote(article, 2, client=first).status_code == 302
    for _ in range(4):
        guest_vote(article)
    assert guest_vote(article).status_code == 429
    assert guest_vote(article, 4, client=first).status_code == 302
    assert Vote.objects.count() == 5
    assert sorted(Vote.objects.values_list("score", flat=True)) == [4, 5, 5, 5, 5]


def test_other_addresses_and_signed_in_readers_are_not_held_back():
    article = make_article()
    for _ in range(5):
        guest_vote(article)
    assert guest_vote(article, REMOTE_ADDR="198.51.100.20").status_code == 302
    member = Client()
    member.force_login(make_user())
    assert guest_vote(article, client=member).status_code == 302
    assert Vote.objects.count() == 7


def test_the_limit_is_a_day(settings):
    settings.RATINGS_GUEST_VOTES_PER_ARTICLE = 2
    article = make_article()
    guest_vote(article)
    guest_vote(article)
    assert guest_vote(article).status_code == 429
    Vote.objects.update(created=timezone.now() - timedelta(hours=25))
    assert guest_vote(article).status_code == 302


def test_guest_votes_across_articles_from_one_address_are_limited(settings):
    settings.RATINGS_GUEST_VOTES_PER_IP = 3
    articles = [make_article() for _ in range(4)]
    for article in articles[:3]:
        assert guest_vote(article).status_code == 302
    refused = guest_vote(articles[3], **JSON)
    assert refused.status_code == 429
    assert refused.json()["error"].startswith(PER_ADDRESS)
    assert not Vote.objects.filter(article=articles[3]).exists()


def test_a_forged_forwarded_for_without_a_trusted_proxy_changes_nothing(settings):
    settings.TRUSTED_PROXIES = 0
    article = make_article()
    for _ in range(5):
        guest_vote(article, REMOTE_ADDR="192.0.2.10")
    forged = guest_vote(
        article, REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.99"
    )
    assert forged.status_code == 429
    assert Vote.objects.count() == 5
    assert set(Vote.objects.values_list("ip_hash", flat=True)) == {
        hash_ip("192.0.2.10", salt=IP_SALT)
    }


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(settings):
    settings.TRUSTED_PROXIES = 1
    article = make_article()
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        guest_vote(article, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    # A hop the client wrote itself (on the left) is not believed.
    assert (
        guest_vote(
            article, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **proxy
        ).status_code
        == 429
    )
    assert (
        guest_vote(article, HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy).status_code
        == 302
    )
    assert (
        Vote.objects.filter(ip_hash=hash_ip("203.0.113.7", salt=IP_SALT)).count() == 5
    )
    assert not Vote.objects.filter(ip_hash=hash_ip("10.0.0.1", salt=IP_SALT)).exists()


def test_stored_votes_keep_only_a_salted_hash_of_the_address():
    article = make_article()
    guest_vote(article, REMOTE_ADDR="192.0.2.44")
    vote = Vote.objects.get()
    assert "192.0.2.44" not in vote.ip_hash
    assert len(vote.ip_hash) == 64
    assert vote.ip_hash != hash_ip("192.0.2.44")  # salted for this purpose
