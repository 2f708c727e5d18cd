import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category
from tests.factories import (
    NO_ATTACHMENTS,
    image_upload,
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


def article_form(category, **overrides):
    data = {
        "title": "Hội nghị tổng kết công tác năm",
        "slug": "",
        "category": category.pk,
        "summary": "Tóm tắt",
        "body": '<p>Nội dung</p><script>alert(1)</script><img src="/x.jpg" onerror="alert(2)">'
        '<a href="javascript:alert(3)">x</a>',
        "tags": "Thi đua, Khen thưởng",
        "status": "published",
        "publish_at_0": "12/01/2024",
        "publish_at_1": "02:02:00",
        "allow_comments": "on",
        "allow_ratings": "on",
        "source": "",
        "source_url": "",
        "author": "Phóng viên A",
        "image_caption": "",
        "image_alt": "",
        **NO_ATTACHMENTS,
    }
    data.update(overrides)
    return data


def test_saving_through_the_admin_sanitises_the_body_and_fills_the_slug(client, editor):
    category = make_category()
    response = client.post(reverse("admin:news_article_add"), article_form(category))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "hoi-nghi-tong-ket-cong-tac-nam"
    assert "<script" not in article.body
    assert "onerror" not in article.body
    assert "javascript:" not in article.body
    assert article.created_by == editor and article.updated_by == editor
    assert sorted(t.name for t in article.tags.all()) == ["Khen thưởng", "Thi đua"]
    # The form's time is read in the site time zone.
    assert timezone.localtime(article.publish_at).strftime("%d/%m/%Y %H:%M") == (
        "12/01/2024 02:02"
    )
    assert article.publish_at.utcoffset() is not None


def test_a_non_image_featured_image_is_refused_with_a_reason(client, editor):
    category = make_category()
    data = article_form(category)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data["image"] = SimpleUploadedFile(
        "anh.jpg", b"not an image", content_type="image/jpeg"
    )
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "image" in errors
    assert not Article.objects.exists()


def test_a_real_image_is_accepted(client, editor):
    category = make_category()
    data = article_form(category, image=image_upload("anh-hoi-nghi.png", "PNG"))
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302
    assert Article.objects.get().image.name.endswith(".png")


def test_bulk_publish_and_unpublish_need_the_publish_permission(client, editor):
    drafts = [make_article(status=Article.Status.DRAFT) for _ in range(3)]
    url = reverse("admin:news_article_changelist")
    client.post(url, {"action": "publish", "_selected_action": [a.pk for a in drafts]})
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 3
    client.post(url, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    # Withdrawn ("Đã gỡ"), not back to draft: the article was published once.
    assert Article.objects.get(pk=drafts[0].pk).status == Article.Status.UNPUBLISHED


def test_a_reporter_cannot_publish_through_the_form_or_the_bulk_action(client):
    client.force_login(make_user(role="Phóng viên"))
    category = make_category()
    response = client.post(reverse("admin:news_article_add"), article_form(category))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()
    draft = make_article(status=Article.Status.DRAFT)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_every_admin_changelist_and_add_page_renders_for_a_superuser(admin_client):
    from django.contrib import admin

    make_article(tags=["một"])
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(changelist, follow=True).status_code == 200, changelist
        if model_admin.has_add_permission(_request_for(admin_client)):
            add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
            assert admin_client.get(add).status_code == 200, add


def _request_for(client):
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="admin")
    return request


def test_article_change_page_renders_with_ckeditor_and_view_on_site(admin_client):
    article = make_article()
    page = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "ckeditor" in html
    assert "js/ckeditor-csrf.js" in html
    content_type = ContentType.objects.get_for_model(Article)
    assert reverse("admin:view_on_site", args=[content_type.pk, article.pk]) in html


def test_category_admin_lists_categories_in_tree_order(admin_client):
    top = make_category(name="B gốc", order=1)
    make_category(name="A gốc", order=2)
    make_category(name="Z con", parent=top, order=0)
    response = admin_client.get(reverse("admin:news_category_changelist"))
    names = [c.name for c in response.context["cl"].result_list]
    assert names.index("Z con") == names.index("B gốc") + 1
    assert Category.objects.count() == 3


def test_admin_is_in_vietnamese_by_default(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Quản trị cổng thông tin" in html
    assert "Bài viết" in html or "bài viết" in html
