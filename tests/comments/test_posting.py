"""Posting comments over HTTP: moderation policies, replies, fetch and plain POST."""

import re

import pytest

from comments.models import Comment
from portal.clientip import hash_ip
from portal.models import SiteSettings
from tests.comments.conftest import post_url
from tests.factories import comment_data, make_article, make_comment, make_user

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def test_a_guests_comment_waits_and_its_author_sees_the_notice(client):
    article = make_article()
    response = client.post(post_url(article), comment_data(article, text="Chờ duyệt"))
    assert response.status_code == 302
    assert response["Location"].endswith("?binh-luan=cho-duyet#y-kien-ban-doc")
    comment = Comment.objects.get()
    assert comment.state == Comment.State.WAITING
    page = client.get(response["Location"]).content.decode()
    assert "Bình luận của bạn đang chờ kiểm duyệt" in page
    assert "Chờ duyệt" not in page.split('id="y-kien-ban-doc"')[1].split("</ol>")[0]
    assert "Ý kiến bạn đọc (<span data-comment-count>0</span>)" in page


def test_without_moderation_a_comment_shows_at_once_at_its_anchor(client, site):
    site.comment_moderation = SiteSettings.Moderation.NONE
    site.save()
    article = make_article()
    response = client.post(
        post_url(article), comment_data(article, text="Bài viết rất hay")
    )
    comment = Comment.objects.get()
    assert comment.state == Comment.State.APPROVED
    assert response["Location"] == (
        f"{article.get_absolute_url()}?cpage=1#comment-{comment.pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert f'id="comment-{comment.pk}"' in page and "Bài viết rất hay" in page
    assert "Ý kiến bạn đọc (<span data-comment-count>1</span>)" in page


@pytest.mark.parametrize(
    ("policy", "signed_in", "state"),
    [
        ("everyone", False, "waiting"),
        ("everyone", True, "waiting"),
        ("guests", False, "waiting"),
        ("guests", True, "approved"),
        ("none", False, "approved"),
        ("none", True, "approved"),
    ],
)
def test_moderation_policy_decides_the_first_state(
    client, site, policy, signed_in, state
):
    site.comment_moderation = policy
    site.save()
    if signed_in:
        client.force_login(make_user())
    article = make_article()
    client.post(post_url(article), comment_data(article))
    assert Comment.objects.get().state == state


def test_moderators_comments_need_no_moderation(client, site):
    site.comment_moderation = "everyone"
    site.save()
    client.force_login(make_user(role="Thư ký tòa soạn"))
    article = make_article()
    client.post(post_url(article), comment_data(article))
    assert Comment.objects.get().state == Comment.State.APPROVED


def test_fetch_gets_the_new_comment_html_the_count_and_a_fresh_stamp(client, site):
    site.comment_moderation = "none"
    site.save()
    article = make_article()
    make_comment(article=article)
    response = client.post(
        post_url(article), comment_data(article, text="Qua fetch"), **JSON
    )
    assert response.status_code == 201
    data = response.json()
    assert data["ok"] and data["visible"] and data["count"] == 2
    assert "Qua fetch" in data["html"] and f'id="comment-{data["id"]}"' in data["html"]
    assert data["stamp"]


def test_fetch_of_a_waiting_comment_gets_the_notice_and_no_html(client):
    article = make_article()
    data = client.post(post_url(article), comment_data(article), **JSON).json()
    assert data["ok"] and not data["visible"] and data["html"] == ""
    assert data["notice"] == "Bình luận của bạn đang chờ kiểm duyệt"
    assert data["count"] == 0


def test_signed_in_readers_find_name_and_email_filled_in(client):
    user = make_user("hoa", first_name="Hoa", last_name="Nguyễn")
    client.force_login(user)
    page = client.get(make_article().get_absolute_url()).content.decode()
    assert 'value="Hoa Nguyễn"' in page and 'value="hoa@example.org"' in page


def test_the_same_form_sent_twice_stores_one_comment(client):
    article = make_article()
    data = comment_data(article)
    first = client.post(post_url(article), data, **JSON)
    second = client.post(post_url(article), data, **JSON)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    assert Comment.objects.count() == 1


def test_only_a_salted_hash_of_the_ip_is_kept(client):
    article = make_article()
    client.post(post_url(article), comment_data(article), REMOTE_ADDR="203.0.113.7")
    comment = Comment.objects.get()
    assert comment.ip_hash == hash_ip("203.0.113.7")
    assert "203.0.113.7" not in str(Comment.objects.values().get())


def test_email_is_never_shown_publicly(client):
    article = make_article()
    make_comment(article=article, email="bimat@example.org")
    assert (
        "bimat@example.org"
        not in client.get(article.get_absolute_url()).content.decode()
    )


# Replies


def test_a_reply_joins_the_thread_under_its_comment(client, site):
    site.comment_moderation = "none"
    site.save()
    article = make_article()
    root = make_comment(article=article, name="An")
    client.post(post_url(article), comment_data(article, parent=root.pk, name="Bình"))
    reply = Comment.objects.get(name="Bình")
    assert reply.parent == root and reply.reply_to == root
    # An answer to a reply joins the same thread and names whom it answers.
    client.post(post_url(article), comment_data(article, parent=reply.pk, name="Chi"))
    answer = Comment.objects.get(name="Chi")
    assert answer.parent == root and answer.reply_to == reply
    page = client.get(article.get_absolute_url()).content.decode()
    thread = page.split(f'data-replies="{root.pk}"')[1]
    assert thread.index("Bình") < thread.index("Chi")
    assert f'Trả lời <a href="#comment-{reply.pk}">Bình</a>' in page


def test_staff_answer_as_the_organisation_with_a_badge(client):
    article = make_article()
    root = make_comment(article=article)
    client.force_login(make_user(role="Thư ký tòa soạn"))
    client.post(
        post_url(article),
        comment_data(
            article, parent=root.pk, as_official="on", name="Phòng Tuyên giáo"
        ),
    )
    reply = Comment.objects.get(parent=root)
    assert reply.is_official and reply.state == Comment.State.APPROVED
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="badge-official">Ban biên tập</span>' in page


def test_readers_cannot_answer_as_the_organisation(client):
    article = make_article()
    client.force_login(make_user())
    client.post(post_url(article), comment_data(article, as_official="on"))
    assert Comment.objects.get().is_official is False
    assert "Ban biên tập" not in client.get(article.get_absolute_url()).content.decode()


def test_the_reply_link_works_without_javascript(client):
    article = make_article()
    root = make_comment(article=article, name="Dũng")
    page = client.get(
        f"{article.get_absolute_url()}?tra-loi={root.pk}"
    ).content.decode()
    assert f'name="parent" value="{root.pk}"' in page
    assert "<strong data-replying-name>Dũng</strong>" in page


# Reading


def test_comments_show_oldest_first_20_threads_a_page(client):
    article = make_article()
    comments = [
        make_comment(article=article, text=f"Thứ tự {i:02d}") for i in range(25)
    ]
    make_comment(article=article, parent=comments[0], text="Trả lời đầu")
    first = client.get(article.get_absolute_url()).content.decode()
    assert first.index("Thứ tự 00") < first.index("Thứ tự 19")
    assert "Thứ tự 20" not in first and "Trả lời đầu" in first
    assert "Ý kiến bạn đọc (<span data-comment-count>26</span>)" in first
    second = client.get(article.get_absolute_url() + "?cpage=2").content.decode()
    assert "Thứ tự 20" in second and "Thứ tự 24" in second and "Thứ tự 19" not in second
    for bad in ("?cpage=abc", "?cpage=-3", "?cpage=99999999999999999999"):
        assert client.get(article.get_absolute_url() + bad).status_code == 200


def test_a_long_discussion_lists_a_few_page_numbers_not_all(client, settings):
    settings.COMMENTS_PAGE_SIZE = 2
    article = make_article()
    for i in range(60):  # 30 pages of threads
        make_comment(article=article, text=f"Ý kiến {i}")
    html = client.get(article.get_absolute_url() + "?cpage=15").content.decode()
    pages = html.split('class="comments-pages"', 1)[1].split("</nav>", 1)[0]
    numbers = re.findall(r"cpage=(\d+)#", pages)
    assert numbers == ["1", "2", "12", "13", "14", "16", "17", "18", "29", "30"]
    assert pages.count("…") == 2 and '<span aria-current="page">15</span>' in pages


def test_waiting_spam_and_removed_comments_are_not_shown_nor_counted(client):
    article = make_article()
    make_comment(article=article, text="Hiện ra")
    for state in ("waiting", "spam", "removed"):
        make_comment(article=article, text=f"Ẩn {state}", state=state)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Hiện ra" in page and "Ẩn " not in page
    assert "Ý kiến bạn đọc (<span data-comment-count>1</span>)" in page


def test_a_reply_posted_later_redirects_to_its_threads_page(client, site, settings):
    settings.COMMENTS_PAGE_SIZE = 2
    site.comment_moderation = "none"
    site.save()
    article = make_article()
    first = make_comment(article=article)
    make_comment(article=article)
    make_comment(article=article)
    response = client.post(post_url(article), comment_data(article, parent=first.pk))
    assert "?cpage=1#comment-" in response["Location"]
    response = client.post(post_url(article), comment_data(article))
    assert "?cpage=2#comment-" in response["Location"]


def test_article_page_queries_do_not_grow_with_comments(
    cold_get, django_assert_max_num_queries
):
    article = make_article()
    root = make_comment(article=article)
    make_comment(article=article, parent=root, reply_to=root)
    cold_get(article.get_absolute_url())
    with django_assert_max_num_queries(20) as few:
        cold_get(article.get_absolute_url())
    for _ in range(15):
        thread = make_comment(article=article)
        reply = make_comment(article=article, parent=thread, reply_to=thread)
        make_comment(article=article, parent=thread, reply_to=reply)
    # The comments changed, so the 'Bình luận mới' block reads them again (+ 1).
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        response = cold_get(article.get_absolute_url())
    assert response.content.decode().count('class="comment') >= 46


def test_the_article_page_in_english(client):
    article = make_article()
    make_comment(article=article)
    client.cookies["django_language"] = "en"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Readers&#x27; comments" in page or "Readers' comments" in page
    assert "Post comment" in page and "Latest comments" in page


def test_a_comments_short_link_finds_its_page(client, settings):
    settings.COMMENTS_PAGE_SIZE = 2
    article = make_article()
    threads = [make_comment(article=article) for _ in range(3)]
    reply = make_comment(article=article, parent=threads[2], reply_to=threads[2])
    response = client.get(reply.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == (
        f"{article.get_absolute_url()}?cpage=2#comment-{reply.pk}"
    )
    hidden = make_comment(article=article, state="waiting")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/binh-luan/999999999/").status_code == 404


def test_moderation_records_who_and_when(client):
    from comments import services

    moderator = make_user(role="Thư ký tòa soạn")
    comment = make_comment(state="waiting")
    services.moderate(
        comments=Comment.objects.all(), state="approved", moderator=moderator
    )
    comment.refresh_from_db()
    assert comment.moderated_by == moderator and comment.moderated_at is not None


def test_removing_a_comment_hides_its_replies_from_lists_and_counts(client):
    from comments import services

    article = make_article()
    root = make_comment(article=article, text="Gốc sẽ bị gỡ")
    make_comment(article=article, parent=root, reply_to=root, text="Trả lời mồ côi")
    make_comment(article=article, text="Vẫn hiện")
    assert Comment.objects.visible_counts([article.pk]) == {article.pk: 3}
    services.moderate(comments=Comment.objects.filter(pk=root.pk), state="removed")
    assert Comment.objects.visible_counts([article.pk]) == {article.pk: 1}
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Trả lời mồ côi" not in page and "Vẫn hiện" in page
    assert "Ý kiến bạn đọc (<span data-comment-count>1</span>)" in page


def test_an_answer_does_not_name_a_removed_reply(client):
    article = make_article()
    root = make_comment(article=article)
    removed = make_comment(
        article=article, parent=root, reply_to=root, name="Đã bị gỡ", state="removed"
    )
    make_comment(article=article, parent=root, reply_to=removed, text="Câu trả lời")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Câu trả lời" in page and "Đã bị gỡ" not in page
