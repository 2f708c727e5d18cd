from django.contrib import admin, messages
from django.db.models import Case, When
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news import admin_hooks
from news.forms import ArticleAdminForm
from news.models import Article, Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["tree_name", "slug", "order", "is_active", "show_on_home"]
    list_editable = ["order", "is_active", "show_on_home"]
    list_filter = ["is_active", "show_on_home"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    class Media:
        js = ["js/vi-slug.js"]

    @admin.display(description=_("tên"))
    def tree_name(self, category):
        depth = len(category.ancestors())
        return format_html("{}{}", "— " * depth, category.name)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent__parent")

    def get_ordering(self, request):
        """Depth-first tree order: each parent followed by its children."""
        ids = [
            c.pk
            for c in tree_order(Category.objects.only("id", "parent", "order", "name"))
        ]
        if not ids:
            return ["order", "name"]
        return [
            Case(
                *(When(pk=pk, then=pos) for pos, pk in enumerate(ids)), default=len(ids)
            )
        ]


def tree_order(categories):
    """Categories as a depth-first tree: each parent followed by its children."""
    categories = list(categories)
    present = {c.pk for c in categories}
    children = {}
    for category in categories:
        parent = category.parent_id if category.parent_id in present else None
        children.setdefault(parent, []).append(category)
    ordered = []

    def walk(parent_id):
        for node in sorted(
            children.get(parent_id, []), key=lambda c: (c.order, c.name)
        ):
            ordered.append(node)
            walk(node.pk)

    walk(None)
    return ordered


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "category", "status", "publish_at", "author", "featured"]
    list_filter = ["status", "category", "publish_at", "featured"]
    list_select_related = ["category"]
    search_fields = ["title", "summary", "author"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category"]
    readonly_fields = ["created_by", "updated_by", "created", "updated"]
    actions = ["publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body", "tags"]}),
        (_("Ảnh đại diện"), {"fields": ["image", "image_caption", "image_alt"]}),
        (_("Nguồn tin và tác giả"), {"fields": ["source", "source_url", "author"]}),
        (
            _("Đăng bài"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "featured",
                    "allow_comments",
                    "allow_ratings",
                ]
            },
        ),
        (
            _("Lịch sử"),
            {
                "fields": ["created_by", "updated_by", "created", "updated"],
                "classes": ["collapse"],
            },
        ),
    ]

    change_form_template = "admin/news/article/change_form.html"

    class Media:
        js = ["js/vi-slug.js", "js/ckeditor-csrf.js"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), *admin_hooks.columns]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        for annotate in admin_hooks.annotations:
            queryset = annotate(queryset)
        return queryset

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "article_panels": [
                (template_name, get_context(request, article))
                for template_name, get_context in admin_hooks.panels
            ]
            if article is not None
            else [],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.has_publish_permission(request) and "status" in form.base_fields:
            status = form.base_fields["status"]
            status.choices = [
                c for c in status.choices if c[0] != Article.Status.PUBLISHED
            ] or status.choices
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Xuất bản các bài đã chọn"), permissions=["publish"])
    def publish(self, request, queryset):
        count = queryset.exclude(status=Article.Status.PUBLISHED).update(
            status=Article.Status.PUBLISHED, updated_by=request.user
        )
        self.message_user(
            request,
            ngettext("Đã xuất bản %d bài viết.", "Đã xuất bản %d bài viết.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ xuống các bài đã chọn"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Article.Status.PUBLISHED).update(
            status=Article.Status.DRAFT, updated_by=request.user
        )
        self.message_user(
            request,
            ngettext("Đã gỡ %d bài viết.", "Đã gỡ %d bài viết.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        js = ["js/vi-slug.js"]
