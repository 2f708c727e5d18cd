"""The admin moderation queue and who may reach it."""

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/comments/comment/"


@pytest.fixture
def editor(client):
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


def test_a_reporter_cannot_reach_the_queue_or_its_actions(client):
    waiting = make_comment(state="waiting")
    client.force_login(make_user(role="Phóng viên"))
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{waiting.pk}/change/").status_code == 403
    response = client.post(
        CHANGELIST, {"action": "approve", "_selected_action": [waiting.pk]}
    )
    assert response.status_code == 403
    assert Comment.objects.get().state == Comment.State.WAITING
    assert "chờ duyệt" not in client.get("/admin/").content.decode()


def test_a_guest_is_sent_to_the_login_page(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_index_shows_how_many_comments_wait(client, editor):
    make_comment(state="waiting")
    make_comment(state="waiting")
    make_comment(state="approved")
    page = client.get("/admin/").content.decode()
    assert "2 bình luận chờ duyệt" in page
    assert f"{CHANGELIST}?state__exact=waiting" in page


@pytest.mark.parametrize(
    ("action", "state"),
    [("approve", "approved"), ("remove", "removed"), ("mark_spam", "spam")],
)
def test_managing_editors_moderate_in_bulk(client, editor, action, state):
    comments = [make_comment(state="waiting") for _ in range(3)]
    untouched = make_comment(state="waiting")
    response = client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments]},
    )
    assert response.status_code == 302
    assert set(
        Comment.objects.exclude(pk=untouched.pk).values_list("state", flat=True)
    ) == {state}
    assert Comment.objects.get(pk=untouched.pk).state == "waiting"


def test_the_queue_filters_by_state_article_and_date(client, editor):
    article = make_article(title="Bài có bình luận")
    make_comment(article=article, state="waiting", text="Đang chờ")
    make_comment(state="spam", text="Rác rưởi")
    page = client.get(f"{CHANGELIST}?state__exact=waiting").content.decode()
    assert "Đang chờ" in page and "Rác rưởi" not in page
    page = client.get(f"{CHANGELIST}?article__id__exact={article.pk}").content.decode()
    assert "Đang chờ" in page and "Rác rưởi" not in page
    from django.utils import timezone

    year = timezone.localdate().year
    page = client.get(f"{CHANGELIST}?created__year={year}").content.decode()
    assert "Đang chờ" in page
    page = client.get(f"{CHANGELIST}?created__year={year - 1}").content.decode()
    assert "Đang chờ" not in page
    page = client.get(CHANGELIST).content.decode()
    for label in ("Chờ duyệt", "Đã duyệt", "Thư rác", "Đã gỡ"):
        assert label in page


def test_moderators_see_emails_and_edit_the_text(client, editor):
    comment = make_comment(
        state="waiting", email="rieng@example.org", text="Sai chính tả"
    )
    url = f"{CHANGELIST}{comment.pk}/change/"
    page = client.get(url).content.decode()
    assert "rieng@example.org" in page
    response = client.post(
        url, {"name": comment.name, "text": "Đúng chính tả", "state": "approved"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Đúng chính tả" and comment.state == "approved"
    assert comment.moderated_at is not None


def test_only_superusers_delete(client, editor, admin_client):
    comment = make_comment()
    delete = f"{CHANGELIST}{comment.pk}/delete/"
    assert client.get(delete).status_code == 403
    assert "delete_selected" not in client.get(CHANGELIST).content.decode()
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Comment.objects.exists()


def test_removed_comments_are_kept(client, editor):
    comment = make_comment()
    client.post(CHANGELIST, {"action": "remove", "_selected_action": [comment.pk]})
    assert Comment.objects.get().state == Comment.State.REMOVED
    assert (
        comment.text
        not in client.get(comment.article.get_absolute_url()).content.decode()
    )


def test_the_article_changelist_shows_visible_comment_counts(
    admin_client, django_assert_max_num_queries
):
    articles = [make_article() for _ in range(5)]
    for article in articles:
        make_comment(article=article)
        make_comment(article=article, state="waiting")
    admin_client.get("/admin/news/article/")
    with django_assert_max_num_queries(20) as few:
        response = admin_client.get("/admin/news/article/")
    assert response.context["cl"].result_list[0].visible_comment_count == 1
    for _ in range(10):
        make_comment(article=make_article())
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get("/admin/news/article/")


def test_approving_in_the_admin_shows_the_comment_and_updates_the_latest_block(
    client, editor, django_capture_on_commit_callbacks
):
    article = make_article()
    comment = make_comment(article=article, state="waiting", text="Sắp được duyệt")
    assert "Sắp được duyệt" not in client.get("/").content.decode()  # block cached
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "approve", "_selected_action": [comment.pk]})
    assert "Sắp được duyệt" in client.get("/").content.decode()
    assert "Sắp được duyệt" in client.get(article.get_absolute_url()).content.decode()
    assert reverse("admin:comments_comment_changelist") == CHANGELIST
