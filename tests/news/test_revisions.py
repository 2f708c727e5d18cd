"""Article revisions: every save keeps a version; compare and restore in the admin."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from news.models import Article
from tests.factories import (
    NO_ATTACHMENTS,
    admin_page_data,
    make_article,
    make_category,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user(role="Thư ký tòa soạn")
    client.force_login(user)
    return user


def save_through_admin(client, article, **changes):
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_page_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


def add_through_admin(client, **fields):
    data = {
        "title": "Bản đầu",
        "slug": "",
        "category": make_category().pk,
        "summary": "Tóm tắt bản đầu",
        "body": "<p>Nội dung bản đầu</p>",
        "tags": "Thi đua, Khen thưởng",
        "status": "draft",
        "publish_at_0": "12/01/2024",
        "publish_at_1": "02:02:00",
        "allow_comments": "on",
        "allow_ratings": "on",
        **NO_ATTACHMENTS,
        **fields,
    }
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(title=data["title"])


def tag_names(article):
    return sorted(t.name for t in article.tags.all())


def test_every_admin_save_keeps_a_version_with_who_and_what(client, editor):
    article = add_through_admin(client)
    save_through_admin(client, article, title="Bản hai", tags="Thi đua")
    versions = list(Version.objects.get_for_object(article))
    assert len(versions) == 2
    newest = versions[0]
    assert newest.revision.user == editor
    assert newest.field_dict["title"] == "Bản hai"
    assert "Tiêu đề" in newest.revision.get_comment()
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    html = history.content.decode()
    assert html.count('class="revision-row"') == 2
    assert editor.username in html
    assert "So sánh" in html and "Khôi phục" in html


def test_a_version_holds_the_tags_as_saved_not_as_they_were_before(client, editor):
    article = add_through_admin(client)
    save_through_admin(client, article, tags="Biển đảo,")
    newest = Version.objects.get_for_object(article).first()
    from news.revisions import version_values

    assert version_values(newest)["tags"] == {"Biển đảo"}


def test_restoring_an_earlier_revision_brings_back_title_body_and_tags(client, editor):
    article = add_through_admin(client)
    first = Version.objects.get_for_object(article).last()
    save_through_admin(
        client,
        article,
        title="Bản sửa",
        body="<p>Nội dung đã sửa</p>",
        tags="Biển đảo, Quốc phòng",
    )
    assert tag_names(article) == ["Biển đảo", "Quốc phòng"]

    url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    page = client.get(url)
    assert page.status_code == 200
    # Looking at the revision changes nothing.
    article.refresh_from_db()
    assert article.title == "Bản sửa"
    assert tag_names(article) == ["Biển đảo", "Quốc phòng"]

    response = client.post(url, admin_page_data(page))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản đầu"
    assert article.body == "<p>Nội dung bản đầu</p>"
    assert tag_names(article) == ["Khen thưởng", "Thi đua"]
    # The restore is itself a new version.
    assert Version.objects.get_for_object(article).count() == 3


def test_compare_shows_the_fields_that_differ(client, editor):
    article = add_through_admin(client)
    first = Version.objects.get_for_object(article).last()
    save_through_admin(client, article, title="Bản sửa", tags="Biển đảo,")
    url = reverse("admin:news_article_compare", args=[article.pk, first.pk])
    response = client.get(url)
    assert response.status_code == 200
    changed = {
        str(label): (old, new)
        for label, old, new, diff in response.context["rows"]
        if diff
    }
    assert changed == {
        "tiêu đề": ("Bản đầu", "Bản sửa"),
        "từ khóa": ("Khen thưởng, Thi đua", "Biển đảo"),
    }
    assert "Khôi phục phiên bản này" in response.content.decode()


def test_compare_of_another_articles_version_is_404(client, editor):
    article = add_through_admin(client)
    other = add_through_admin(client, title="Bài khác")
    version = Version.objects.get_for_object(other).first()
    url = reverse("admin:news_article_compare", args=[article.pk, version.pk])
    assert client.get(url).status_code == 404


def test_bulk_actions_keep_one_version_per_article(client, editor):
    articles = [make_article(status=Article.Status.DRAFT) for _ in range(3)]
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [a.pk for a in articles]},
    )
    for article in articles:
        versions = list(Version.objects.get_for_object(article))
        assert len(versions) == 1
        assert versions[0].field_dict["status"] == "published"
        assert versions[0].revision.user == editor
        # The revision holds this article only: restoring it touches no other.
        article_versions = versions[0].revision.version_set.filter(
            object_id__in=[str(a.pk) for a in articles]
        )
        assert article_versions.count() == 1


def test_restore_accepts_only_a_version_of_that_article(client, editor):
    article = add_through_admin(client)
    other = add_through_admin(client, title="Bài khác", tags="Biển đảo,")
    other_version = Version.objects.get_for_object(other).first()
    # A tag link's version whose object id happens to be the article's id belongs
    # to the other article's revision: reversion alone would revert that revision.
    link = other_version.revision.version_set.exclude(pk=other_version.pk).first()
    link.object_id = str(article.pk)
    link.save()
    for version in [other_version, link]:
        url = reverse("admin:news_article_revision", args=[article.pk, version.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    other.refresh_from_db()
    assert other.title == "Bài khác"


def test_restore_refuses_a_revision_spanning_several_articles(client, editor):
    import reversion

    first, second = make_article(title="Một"), make_article(title="Hai")
    with reversion.create_revision():
        first.save()
        second.save()
    version = Version.objects.get_for_object(first).first()
    url = reverse("admin:news_article_revision", args=[first.pk, version.pk])
    assert client.get(url).status_code == 403


def test_restoring_a_version_whose_tag_was_deleted_is_refused_with_a_message(
    client, editor
):
    from news.models import Tag

    article = add_through_admin(client)
    first = Version.objects.get_for_object(article).last()
    save_through_admin(client, article, title="Bản sửa", tags="Biển đảo,")
    Tag.objects.filter(name="Thi đua").delete()
    url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    history = reverse("admin:news_article_history", args=[article.pk])
    assert client.get(url).url == history
    response = client.post(url, {"title": "Bản đầu"}, follow=True)
    assert response.redirect_chain[-1][0] == history
    html = response.content.decode()
    assert (
        "Không khôi phục được phiên bản này vì những mục sau đã bị xóa: từ khóa #"
        in html
    )
    article.refresh_from_db()
    assert article.title == "Bản sửa"
    assert tag_names(article) == ["Biển đảo"]


def ckeditor_formatted(html):
    """``html`` as CKEditor 4 posts it back: Latin-1 letters as entities, a blank
    line after each block, list items indented with tabs."""
    import html as html_lib

    text = re.sub(
        r"[\u00c0-\u00ff]",
        lambda m: html_lib.entities.codepoint2name[ord(m.group())].join("&;"),
        html,
    )
    text = text.replace("</p>", "</p>\n\n").replace("<li>", "\n\t<li>")
    return text.replace("</ul>", "\n</ul>\n\n")


def test_saving_without_a_change_records_no_revision_and_no_history(client, editor):
    article = add_through_admin(
        client, body="<p>Nội dung bài viết có dấu: à á ả.</p><ul><li>một</li></ul>"
    )
    updated = article.updated
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_page_data(client.get(url))
    data["body"] = ckeditor_formatted(article.body)
    assert data["body"] != article.body
    response = client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert Version.objects.get_for_object(article).count() == 1
    assert LogEntry.objects.filter(object_id=str(article.pk)).count() == 1
    assert article.updated == updated
    assert (
        article.body == "<p>Nội dung bài viết có dấu: à á ả.</p><ul><li>một</li></ul>"
    )


def test_a_revision_names_only_the_fields_that_really_changed(client, editor):
    article = add_through_admin(client, body="<p>Nội dung có dấu: à á.</p>")
    save_through_admin(
        client, article, title="Tiêu đề mới", body=ckeditor_formatted(article.body)
    )
    newest = Version.objects.get_for_object(article).first()
    assert newest.revision.get_comment() == "Đã thay đổi Tiêu đề."
    assert newest.field_dict["body"] == "<p>Nội dung có dấu: à á.</p>"


def test_a_real_change_of_the_body_is_recorded(client, editor):
    article = add_through_admin(client, body="<p>Câu một.</p><p>Câu hai.</p>")
    save_through_admin(client, article, body="<p>Câu một.</p>\n\n<p>Câu hai!</p>\n")
    newest = Version.objects.get_for_object(article).first()
    assert newest.revision.get_comment() == "Đã thay đổi Nội dung."
    # A space between two words is content, not layout.
    save_through_admin(
        client, article, body="<p>Câu một.</p><p><b>Câu</b><i>hai!</i></p>"
    )
    save_through_admin(
        client, article, body="<p>Câu một.</p><p><b>Câu</b> <i>hai!</i></p>"
    )
    assert Version.objects.get_for_object(article).count() == 4
