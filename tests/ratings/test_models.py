import pytest
from django.db import IntegrityError, connection, transaction

from ratings.models import Summary, Vote
from ratings.services import vote
from tests.factories import make_article, make_user, make_vote

pytestmark = pytest.mark.django_db


def test_summaries_give_total_count_and_average_for_many_articles_in_one_query(
    django_assert_num_queries,
):
    rated, other, unrated = make_article(), make_article(), make_article()
    for score in (5, 4, 4):
        make_vote(rated, score)
    make_vote(other, 1)
    with django_assert_num_queries(1):
        summaries = Vote.objects.summaries([rated.pk, other.pk, unrated.pk])
    assert summaries[rated.pk] == Summary(total=13, count=3)
    assert round(summaries[rated.pk].average, 1) == 4.3
    assert summaries[other.pk].average == 1
    assert summaries[unrated.pk] == Summary(total=0, count=0)
    assert summaries[unrated.pk].average == 0


def test_summary_tells_the_voter_their_own_score():
    article = make_article()
    make_vote(article, 2, voter="g:" + "a" * 32)
    make_vote(article, 5)
    assert Vote.objects.summary(article, voter="g:" + "a" * 32) == Summary(
        total=7, count=2, mine=2
    )
    assert Vote.objects.summary(article, voter="g:" + "b" * 32).mine is None


@pytest.mark.parametrize("score", [0, 6, -1])
def test_database_refuses_a_score_outside_one_to_five(score):
    article = make_article()
    with pytest.raises(IntegrityError, match="ratings_score_1_to_5"):
        with transaction.atomic():
            make_vote(article, score)
    assert not Vote.objects.exists()


def test_database_keeps_one_row_per_article_and_voter():
    article = make_article()
    make_vote(article, 3, voter="u:1")
    with pytest.raises(IntegrityError, match="ratings_one_vote_per_voter"):
        with transaction.atomic():
            make_vote(article, 4, voter="u:1")
    assert Vote.objects.get().score == 3


def test_voting_again_replaces_the_score_and_keeps_the_first_time():
    article = make_article()
    user = make_user()
    first = vote(
        article=article, score=4, voter=f"u:{user.pk}", user=user, ip_hash="a" * 64
    )
    vote(article=article, score=2, voter=f"u:{user.pk}", user=user, ip_hash="b" * 64)
    row = Vote.objects.get()
    assert (row.score, row.ip_hash) == (2, "b" * 64)
    assert row.created == first.created and row.updated > row.created


def test_the_upsert_is_one_insert_on_conflict_statement(
    django_assert_max_num_queries,
):
    article, user = make_article(), make_user()
    with django_assert_max_num_queries(3) as captured:  # with a savepoint around
        vote(
            article=article, score=5, voter=f"u:{user.pk}", user=user, ip_hash="c" * 64
        )
    statements = [
        q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]
    ]
    assert len(statements) == 1
    assert statements[0].startswith('INSERT INTO "ratings_vote"')
    assert "ON CONFLICT" in statements[0]


def test_constraints_carry_their_names_in_the_database():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'ratings_vote'::regclass"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"ratings_one_vote_per_voter", "ratings_score_1_to_5"} <= names
