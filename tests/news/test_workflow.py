"""The editorial workflow: states, roles in the admin, scheduling, edit conflicts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import reversion
import time_machine
from django.urls import reverse

from news.models import Article
from tests.factories import (
    NO_ATTACHMENTS,
    admin_form_data,
    admin_page_data,
    make_article,
    make_category,
    make_user,
)

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
REPORTER = "Phóng viên"
MANAGING_EDITOR = "Thư ký tòa soạn"


def article_form(category, **overrides):
    data = {
        "title": "Tin hội nghị",
        "slug": "",
        "category": category.pk,
        "summary": "Tóm tắt",
        "body": "<p>Nội dung</p>",
        "tags": "Thi đua",
        "status": "draft",
        "publish_at_0": "12/01/2024",
        "publish_at_1": "02:02:00",
        "take_down_at_0": "",
        "take_down_at_1": "",
        "allow_comments": "on",
        "allow_ratings": "on",
        "source": "",
        "source_url": "",
        "author": "",
        "image_caption": "",
        "image_alt": "",
        **NO_ATTACHMENTS,
    }
    data.update(overrides)
    return data


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def opened_form(client, article):
    """The article's change form as the editor's browser would send it back."""
    response = client.get(change_url(article))
    assert response.status_code == 200
    return admin_page_data(response)


@pytest.fixture
def reporter(client):
    user = make_user(role=REPORTER)
    client.force_login(user)
    return user


# States.


def test_state_in_words_follows_status_and_clock():
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(publish_at=ten, take_down_at=ten + timedelta(days=1))
    assert article.state(at=ten - timedelta(minutes=1)).label == "Đã lên lịch"
    assert article.state(at=ten).label == "Đã xuất bản"
    assert article.state(at=ten + timedelta(days=1)).label == "Đã gỡ"
    for status, label in [
        (Article.Status.DRAFT, "Nháp"),
        (Article.Status.REVIEW, "Chờ duyệt"),
        (Article.Status.UNPUBLISHED, "Đã gỡ"),
    ]:
        article.status = status
        assert article.state(at=ten).label == label


def test_in_state_agrees_with_each_articles_own_state():
    now = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    category = make_category()
    articles = [
        make_article(category=category, status=Article.Status.DRAFT, publish_at=now),
        make_article(category=category, status=Article.Status.REVIEW, publish_at=now),
        make_article(category=category, publish_at=now + timedelta(hours=1)),
        make_article(category=category, publish_at=now - timedelta(hours=1)),
        make_article(
            category=category, status=Article.Status.UNPUBLISHED, publish_at=now
        ),
        make_article(
            category=category,
            publish_at=now - timedelta(days=2),
            take_down_at=now - timedelta(days=1),
        ),
    ]
    for state in Article.State:
        expected = {a.pk for a in articles if a.state(at=now) == state}
        found = set(
            Article.objects.in_state(state, at=now).values_list("pk", flat=True)
        )
        assert found == expected, state
    assert sum(len(Article.objects.in_state(s, at=now)) for s in Article.State) == 6


def test_scheduled_article_is_404_at_0959_and_listed_at_1000_without_any_job(client):
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(publish_at=ten, title="Lễ khai mạc hội chợ nông sản")
    category_page = article.category.get_absolute_url()
    with time_machine.travel(datetime(2024, 3, 1, 9, 59, tzinfo=HCM), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.title not in client.get(category_page).content.decode()
        assert article.title not in client.get("/").content.decode()
    with time_machine.travel(ten, tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.title in client.get(category_page).content.decode()
        assert article.title in client.get("/").content.decode()


def test_article_disappears_at_its_take_down_time_and_is_kept(client):
    ten = datetime(2024, 3, 1, 10, 0, tzinfo=HCM)
    article = make_article(
        publish_at=ten - timedelta(days=3),
        take_down_at=ten,
        title="Thông báo tuyển dụng có thời hạn",
    )
    category_page = article.category.get_absolute_url()
    with time_machine.travel(datetime(2024, 3, 1, 9, 59, tzinfo=HCM), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert article.title in client.get(category_page).content.decode()
    with time_machine.travel(ten, tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.title not in client.get(category_page).content.decode()
        assert article.title not in client.get("/").content.decode()
    # Nothing is deleted because a date passed.
    assert Article.objects.filter(pk=article.pk, status="published").exists()


def test_take_down_before_publish_is_refused_with_a_message(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    data = article_form(
        make_category(), take_down_at_0="11/01/2024", take_down_at_1="08:00:00"
    )
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["take_down_at"] == ["Thời gian gỡ phải sau thời gian đăng."]
    assert not Article.objects.exists()


# A reporter cannot publish by any route.


def test_reporter_cannot_publish_through_the_add_form(client, reporter):
    for status in ["published", "unpublished"]:
        data = article_form(make_category(), status=status)
        response = client.post(reverse("admin:news_article_add"), data)
        assert response.status_code == 200
        assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_reporter_form_offers_only_draft_and_review(client, reporter):
    response = client.get(reverse("admin:news_article_add"))
    choices = [
        c for c, _label in response.context["adminform"].form["status"].field.choices
    ]
    assert choices == ["draft", "review"]


def test_reporter_cannot_publish_their_own_draft_with_a_crafted_change_post(
    client, reporter
):
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    data = opened_form(client, draft)
    data["status"] = "published"
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_reporter_can_submit_their_draft_for_review(client, reporter):
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    data = opened_form(client, draft)
    data["status"] = "review"
    response = client.post(change_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    # Still theirs to edit until it is published.
    assert client.get(change_url(draft)).status_code == 200


def test_reporter_cannot_publish_with_the_bulk_action(client, reporter):
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    # The action is not offered to them: Django refuses an unknown action.
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    changelist = client.get(reverse("admin:news_article_changelist"))
    offered = [
        name
        for name, _label in changelist.context["action_form"].fields["action"].choices
    ]
    assert "submit_for_review" in offered
    assert "publish" not in offered and "unpublish" not in offered


def test_reporter_bulk_submit_for_review_moves_only_their_drafts(client, reporter):
    own = make_article(status=Article.Status.DRAFT, created_by=reporter)
    other = make_article(status=Article.Status.DRAFT)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "submit_for_review", "_selected_action": [own.pk, other.pk]},
    )
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == Article.Status.REVIEW
    assert other.status == Article.Status.DRAFT


def test_reporter_cannot_change_or_see_someone_elses_article(client, reporter):
    other = make_article(status=Article.Status.DRAFT, title="Bài của người khác")
    assert client.get(change_url(other)).status_code == 302  # "does not exist"
    data = article_form(other.category, title="Sửa trộm")
    response = client.post(change_url(other), data)
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title == "Bài của người khác"
    changelist = client.get(reverse("admin:news_article_changelist"))
    assert "Bài của người khác" not in changelist.content.decode()


def test_reporter_cannot_edit_their_article_once_published(client, reporter):
    published = make_article(created_by=reporter, title="Đã đăng")
    page = client.get(change_url(published))
    assert page.status_code == 200  # shown read-only
    assert not page.context["has_change_permission"]
    data = article_form(published.category, title="Sửa sau khi đăng")
    assert client.post(change_url(published), data).status_code == 403
    published.refresh_from_db()
    assert published.title == "Đã đăng"


def test_reporter_cannot_withdraw_by_restoring_an_old_draft_revision(client, reporter):
    draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    data = {**opened_form(client, draft), "title": "Bản nháp đã sửa"}
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    from reversion.models import Version

    version = Version.objects.get_for_object(draft).first()
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED)
    url = reverse("admin:news_article_revision", args=[draft.pk, version.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED


def test_reporter_cannot_recover_deleted_articles(client, reporter):
    assert client.get(reverse("admin:news_article_recoverlist")).status_code == 403


# Managing editors.


def test_managing_editor_publishes_and_withdraws_any_article(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    article = make_article(status=Article.Status.REVIEW)
    data = opened_form(client, article)
    data["status"] = "published"
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert not article.is_visible_to_readers()


# The admin list.


def test_changelist_shows_state_in_words_and_the_review_count(client):
    editor = make_user(role=MANAGING_EDITOR)
    client.force_login(editor)
    make_article(publish_at=datetime(2099, 1, 1, tzinfo=HCM), title="Hẹn giờ")
    make_article(status=Article.Status.REVIEW, title="Chờ một")
    make_article(status=Article.Status.REVIEW, title="Chờ hai")
    response = client.get(reverse("admin:news_article_changelist"))
    html = response.content.decode()
    assert "Đã lên lịch" in html
    assert "Chờ duyệt" in html
    assert response.context["waiting_for_review"] == 2
    assert "2 bài chờ duyệt" in html
    only_waiting = client.get(
        reverse("admin:news_article_changelist") + "?state=review"
    )
    assert {a.title for a in only_waiting.context["cl"].result_list} == {
        "Chờ một",
        "Chờ hai",
    }


def test_my_articles_filter_lists_only_the_editors_own(client):
    editor = make_user(role=MANAGING_EDITOR)
    client.force_login(editor)
    make_article(created_by=editor, title="Của tôi")
    make_article(title="Của người khác")
    url = reverse("admin:news_article_changelist")
    assert "Bài của tôi" in client.get(url).content.decode()
    response = client.get(url + "?mine=1")
    assert [a.title for a in response.context["cl"].result_list] == ["Của tôi"]


def test_the_publish_time_shows_its_time_zone(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    html = client.get(reverse("admin:news_article_add")).content.decode()
    assert "Giờ Asia/Ho_Chi_Minh (UTC+07:00)." in html


# Concurrent edits.


def test_a_save_over_someone_elses_newer_save_is_refused_and_shows_what_changed(
    client,
):
    first, second = make_user(role=MANAGING_EDITOR), make_user(role=MANAGING_EDITOR)
    with reversion.create_revision():  # as if saved through the admin
        article = make_article(title="Tiêu đề gốc", tags=["Thi đua"])
    client.force_login(first)
    mine = opened_form(client, article)
    client.force_login(second)
    theirs = opened_form(client, article)
    theirs["title"] = "Tiêu đề của người thứ hai"
    theirs["tags"] = "Thi đua, Khen thưởng"
    assert client.post(change_url(article), theirs).status_code == 302

    client.force_login(first)
    mine["summary"] = "Tóm tắt của người thứ nhất"
    response = client.post(change_url(article), mine)
    assert response.status_code == 200
    form = response.context["adminform"].form
    message = " ".join(form.non_field_errors())
    assert second.username in message
    assert "Tiêu đề" in message and "Từ khóa" in message
    # Only what the other editor changed (not the sub-second part of the time).
    assert "Tóm tắt" not in message and "Thời gian đăng" not in message
    assert "Tiêu đề của người thứ hai" in " ".join(form.errors["title"])
    article.refresh_from_db()
    assert article.title == "Tiêu đề của người thứ hai"
    assert article.summary != "Tóm tắt của người thứ nhất"
    assert {t.name for t in article.tags.all()} == {"Thi đua", "Khen thưởng"}

    # Saving again after reading the message overwrites on purpose.
    resent = {**admin_form_data(form), **NO_ATTACHMENTS}
    response = client.post(change_url(article), resent)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.summary == "Tóm tắt của người thứ nhất"


def test_without_a_stored_version_the_conflict_lists_where_the_saves_differ(client):
    first, second = make_user(role=MANAGING_EDITOR), make_user(role=MANAGING_EDITOR)
    article = make_article(title="Tiêu đề gốc")  # e.g. imported: no version yet
    client.force_login(first)
    mine = opened_form(client, article)
    client.force_login(second)
    theirs = opened_form(client, article)
    theirs["title"] = "Tiêu đề mới"
    client.post(change_url(article), theirs)
    client.force_login(first)
    mine["summary"] = "Tóm tắt khác"
    response = client.post(change_url(article), mine)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "khác giữa bản đã lưu và bản của bạn: Tiêu đề, Tóm tắt." in message
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Tiêu đề mới", "Tóm tắt bài viết.")


def test_a_save_over_a_bulk_action_is_refused_too(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    article = make_article(status=Article.Status.DRAFT)
    data = opened_form(client, article)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    data["title"] = "Sửa trên bản cũ"
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Trạng thái" in " ".join(
        response.context["adminform"].form.non_field_errors()
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.title != "Sửa trên bản cũ"


def test_a_crafted_change_post_without_the_edit_token_is_refused(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    article = make_article(title="Giữ nguyên")
    data = opened_form(client, article)
    del data["edit_token"]
    data["title"] = "Ghi đè mù"
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Giữ nguyên"


def test_consecutive_saves_by_one_editor_do_not_conflict(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    article = make_article()
    for title in ["Lần một", "Lần hai"]:
        data = opened_form(client, article)
        data["title"] = title
        assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Lần hai"


def test_the_admin_list_reads_in_english_for_an_english_editor(client):
    client.force_login(make_user(role=MANAGING_EDITOR))
    client.cookies["django_language"] = "en"
    make_article(publish_at=datetime(2099, 1, 1, tzinfo=HCM))
    make_article(status=Article.Status.REVIEW)
    html = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Scheduled" in html and "Waiting for review" in html
    assert "1 article waiting for review" in html
    assert "My articles" in html


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_opened_version_never_both_win():
    import threading

    from django.db import connection
    from django.test import Client

    article = make_article(title="Gốc")
    clients, forms = [], []
    for _ in range(2):
        client = Client()
        client.force_login(make_user(role=MANAGING_EDITOR))
        clients.append(client)
        forms.append(opened_form(client, article))
    barrier = threading.Barrier(2)
    statuses = {}

    def save(index):
        data = {**forms[index], "title": f"Bản của người {index}"}
        barrier.wait()
        try:
            statuses[index] = clients[index].post(change_url(article), data).status_code
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses.values()) == [200, 302]
    winner = next(i for i, status in statuses.items() if status == 302)
    article.refresh_from_db()
    assert article.title == f"Bản của người {winner}"


def test_a_reporter_previews_their_own_draft_but_not_someone_elses(client, reporter):
    own = make_article(status=Article.Status.DRAFT, created_by=reporter)
    other = make_article(
        status=Article.Status.DRAFT, created_by=make_user(role=REPORTER)
    )
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    short = reverse("news:article-by-id", args=[other.pk])
    assert client.get(short).status_code == 404
    client.force_login(make_user(role=MANAGING_EDITOR))
    assert client.get(other.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("role", "may_publish", "may_manage_categories"),
    [
        (REPORTER, False, False),
        (MANAGING_EDITOR, True, True),
        ("Quản trị viên", True, True),
    ],
)
def test_each_role_gets_what_it_needs_and_no_more(
    client, role, may_publish, may_manage_categories
):
    user = make_user(role=role)
    client.force_login(user)
    assert user.has_perm("news.add_article") and user.has_perm("news.change_article")
    assert user.has_perm("news.publish_article") is may_publish
    response = client.post(
        reverse("admin:news_category_add"),
        {"name": "Kinh tế", "slug": "kinh-te", "order": 0},
    )
    assert (response.status_code == 302) is may_manage_categories
    assert (response.status_code == 403) is not may_manage_categories
    draft = make_article(status=Article.Status.REVIEW)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert (draft.status == Article.Status.PUBLISHED) is may_publish


def test_every_admin_page_shows_how_many_articles_wait_for_review(client):
    reporter = make_user(role=REPORTER)
    make_article(status=Article.Status.REVIEW, created_by=reporter)
    make_article(status=Article.Status.REVIEW)
    client.force_login(make_user(role=MANAGING_EDITOR))
    index = client.get(reverse("admin:index")).content.decode()
    assert "2 bài chờ duyệt" in index
    assert 'href="/admin/news/article/?state=review"' in index
    client.force_login(reporter)
    assert "1 bài chờ duyệt" in client.get(reverse("admin:index")).content.decode()
