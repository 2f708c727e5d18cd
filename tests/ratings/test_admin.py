import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from ratings.models import Vote
from tests.factories import make_article, make_user, make_vote

pytestmark = pytest.mark.django_db
VOTES = "/admin/ratings/vote/"


@pytest.fixture
def editor(client):
    """A managing editor (Thư ký tòa soạn): may audit and remove votes."""
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


def test_votes_are_listed_with_their_filters(client, editor):
    article = make_article(title="Bài được chấm")
    member = make_user()
    make_vote(article, 5, user=member)
    make_vote(article, 1)
    make_vote(make_article(), 3)
    response = client.get(VOTES)
    assert response.status_code == 200
    assert [str(spec.title) for spec in response.context["cl"].filter_specs] == [
        "bài viết",
        "số sao",
        "người đánh giá",
        "thời gian đánh giá",
    ]
    assert "Bài được chấm" in response.content.decode()
    guests = client.get(VOTES + "?nguoi=guest").context["cl"].result_list
    assert sorted(v.score for v in guests) == [1, 3]
    members = client.get(VOTES + "?nguoi=member").context["cl"].result_list
    assert [v.user for v in members] == [member]
    by_score = client.get(VOTES + "?score=5").context["cl"].result_list
    assert [v.score for v in by_score] == [5]
    by_article = client.get(VOTES + f"?article__id__exact={article.pk}")
    assert by_article.context["cl"].result_count == 2


def test_votes_from_one_address_are_one_click_away(client, editor):
    article = make_article()
    make_vote(article, 5, ip_hash="a" * 64)
    make_vote(make_article(), 5, ip_hash="a" * 64)
    make_vote(article, 2, ip_hash="b" * 64)
    html = client.get(VOTES).content.decode()
    assert f'href="{VOTES}?ip_hash={"a" * 64}"' in html
    same = client.get(VOTES + f"?ip_hash={'a' * 64}")
    assert same.context["cl"].result_count == 2


def test_votes_cannot_be_added_or_edited_in_the_admin(client, editor):
    vote = make_vote(make_article(), 3)
    assert client.get(VOTES + "add/").status_code == 403
    change = client.post(
        VOTES + f"{vote.pk}/change/", {"score": "5", "voter": "u:1", "ip_hash": "x"}
    )
    assert change.status_code == 403
    vote.refresh_from_db()
    assert vote.score == 3


def test_removing_fraudulent_votes_updates_the_totals_readers_see(client, editor):
    article = make_article()
    honest = make_vote(article, 4)
    stuffed = [make_vote(article, 1, ip_hash="c" * 64) for _ in range(3)]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 7 trong 4 đánh giá" in page
    response = client.post(
        VOTES,
        {
            "action": "delete_selected",
            "_selected_action": [v.pk for v in stuffed],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert list(Vote.objects.all()) == [honest]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 4 trong 1 đánh giá" in page


def test_one_vote_can_be_removed_from_its_page(client, editor):
    article = make_article()
    vote = make_vote(article, 5)
    assert client.get(VOTES + f"{vote.pk}/change/").status_code == 200
    response = client.post(VOTES + f"{vote.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert Vote.objects.summaries([article.pk])[article.pk].count == 0


def test_a_reporter_cannot_see_or_remove_votes(client):
    client.force_login(make_user(role="Phóng viên"))
    vote = make_vote(make_article(), 5)
    assert client.get(VOTES).status_code == 403
    assert client.post(VOTES + f"{vote.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Vote.objects.filter(pk=vote.pk).exists()


def test_the_article_list_shows_average_and_count_without_a_query_per_row(
    client, editor, django_assert_max_num_queries
):
    rated = make_article(title="Bài có đánh giá")
    for score in (5, 4, 4):
        make_vote(rated, score)
    make_article(title="Bài chưa có đánh giá")
    url = "/admin/news/article/"
    client.get(url)
    reset_queries()
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    baseline = len(few.captured_queries)
    assert "4,3/5 (3)" in html
    assert "column-rating_column" in html
    for _ in range(10):
        make_vote(make_article(), 2)
    with django_assert_max_num_queries(baseline):
        html = client.get(url).content.decode()
    assert html.count("2,0/5 (1)") == 10
    # Sortable by average: ten 2,0 first, then 4,3, then the unrated.
    ordered = client.get(url + "?o=7").context["cl"].result_list
    assert [a.title for a in ordered][10:] == [
        "Bài có đánh giá",
        "Bài chưa có đánh giá",
    ]


def test_the_article_change_page_shows_the_rating_panel(client, editor):
    article = make_article()
    for score in (5, 5, 2):
        make_vote(article, score)
    html = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Đánh giá của bạn đọc" in html
    assert "Điểm trung bình 4,0/5 từ 3 đánh giá (tổng 12 điểm)." in html
    assert f"{VOTES}?article__id__exact={article.pk}" in html
    empty = make_article()
    html = client.get(f"/admin/news/article/{empty.pk}/change/").content.decode()
    assert "Chưa có đánh giá nào." in html
