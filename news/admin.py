from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Q, When
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from taggit import models as taggit_models

from news import admin_hooks
from news.admin_filters import MineFilter, StateFilter
from news.admin_revisions import ArticleRevisionsMixin
from news.forms import ArticleAdminForm
from news.models import Article, Attachment, Category, Tag
from news.services import change_status
from news.text import slugify_vi
from portal.security import with_editor_policy

# One tag admin: the articles' tags are news.Tag ("Từ khóa"); taggit's own Tag
# model is unused and its admin always listed 0 tags.
if admin.site.is_registered(taggit_models.Tag):
    admin.site.unregister(taggit_models.Tag)


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


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "title", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.ATTACHMENT_MAX_BYTES)
        self.fields["file"].help_text = _(
            "PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS) hoặc "
            "ZIP, tối đa %(limit)s; loại tệp được kiểm tra theo nội dung."
        ) % {"limit": limit}
        if self.instance.pk:
            # Stored attachments keep a title; only a new file may leave it empty
            # (its name is then used).
            self.fields["title"].required = True


class AttachmentInline(admin.TabularInline):
    """Documents under the article. Who may change the article may change them."""

    model = Attachment
    form = AttachmentForm
    fields = ["file", "title", "order", "kind_label", "size_label"]
    readonly_fields = ["kind_label", "size_label"]
    extra = 1
    verbose_name = _("tài liệu đính kèm")
    verbose_name_plural = _("Tài liệu đính kèm")

    @admin.display(description=_("loại tệp"))
    def kind_label(self, attachment):
        return attachment.get_kind_display() if attachment.kind else "—"

    @admin.display(description=_("dung lượng"))
    def size_label(self, attachment):
        return filesizeformat(attachment.size) if attachment.pk else "—"

    def may_change_article(self, request, article):
        return article is None or article.may_be_changed_by(request.user)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.may_change_article(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_change_article(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_change_article(
            request, obj
        )


@admin.register(Article)
class ArticleAdmin(ArticleRevisionsMixin, VersionAdmin):
    """Articles for the three roles: writers see and edit their own articles until
    they are published and may only submit them for review; whoever has
    ``news.publish_article`` edits, publishes and withdraws any article.

    The rule is applied to the queryset, to per-object permissions, to the status
    choices the form accepts and to every bulk action, so no form, action or
    crafted POST gets around it.
    """

    form = ArticleAdminForm
    inlines = [AttachmentInline]
    list_display = [
        "title",
        "category",
        "state_label",
        "publish_at",
        "author",
        "featured",
    ]
    list_filter = [StateFilter, MineFilter, "category", "publish_at", "featured"]
    list_select_related = ["category"]
    search_fields = ["title", "summary", "author"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category"]
    readonly_fields = ["created_by", "updated_by", "created", "updated"]
    actions = ["submit_for_review", "publish", "unpublish"]
    save_on_top = True
    history_latest_first = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "category",
                    "summary",
                    "body",
                    "tags",
                    "edit_token",
                ]
            },
        ),
        (_("Ảnh đại diện"), {"fields": ["image", "image_caption", "image_alt"]}),
        (
            _("Nguồn tin và tác giả"),
            {"fields": ["source", "source_url", "author", "external_url"]},
        ),
        (
            _("Đăng bài"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "take_down_at",
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
    change_list_template = "admin/news/article/change_list.html"
    object_history_template = "admin/news/article/object_history.html"
    revision_form_template = "admin/news/article/revision_form.html"

    class Media:
        css = {"all": ["css/admin-article.css"]}
        js = [
            "js/vi-slug.js",
            "js/ckeditor-csrf.js",
            "js/ckeditor-setup.js",
            "js/tag-suggest.js",
        ]

    def get_urls(self):
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions_view),
                name="news_article_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        """Names of existing tags matching ``q`` (with or without diacritics),
        most used first, for the tags field's suggestions."""
        if not (
            self.has_add_permission(request)
            or self.has_view_or_change_permission(request)
        ):
            raise PermissionDenied
        # NUL cannot go into a PostgreSQL string: drop it, like other controls.
        term = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable())
        term = " ".join(term.split())[:100]
        names = []
        if term:
            folded = slugify_vi(term)
            matches = Q(name__icontains=term)
            if folded:
                matches |= Q(slug__contains=folded)
            names = list(
                Tag.objects.filter(matches)
                .annotate(uses=Count("tagged_articles"))
                .order_by("-uses", "name")
                .values_list("name", flat=True)[:10]
            )
        return JsonResponse({"tags": names})

    # Who may do what.

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def writers_scope(self, request, queryset):
        """Writers without the publish permission see their own articles only."""
        if self.has_publish_permission(request):
            return queryset
        return queryset.filter(created_by=request.user)

    def get_queryset(self, request):
        queryset = self.writers_scope(request, super().get_queryset(request))
        for annotate in admin_hooks.annotations:
            queryset = annotate(queryset)
        return queryset

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed or self.has_publish_permission(request):
            return allowed
        return obj.created_by_id == request.user.pk

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return obj.may_be_changed_by(request.user)

    # The form.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # A read-only page has nothing to save, so no edit token to show.
            fieldsets = [
                (
                    name,
                    {
                        **opts,
                        "fields": [f for f in opts["fields"] if f != "edit_token"],
                    },
                )
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        fields = form.base_fields
        if "status" in fields and not self.has_publish_permission(request):
            fields["status"].choices = [
                choice
                for choice in fields["status"].choices
                if choice[0] in Article.WRITER_STATUSES
            ]
        zone = timezone.localtime().strftime("%z")
        zone_note = _("Giờ %(zone)s (UTC%(offset)s).") % {
            "zone": timezone.get_current_timezone_name(),
            "offset": f"{zone[:3]}:{zone[3:]}",
        }
        for name in ("publish_at", "take_down_at"):
            if name in fields:
                fields[name].help_text = f"{fields[name].help_text} {zone_note}"
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    # Pages.

    @admin.display(description=_("trạng thái"), ordering="status")
    def state_label(self, article):
        return article.state().label

    def get_list_display(self, request):
        return [*super().get_list_display(request), *admin_hooks.columns]

    def render_change_form(self, request, context, *args, **kwargs):
        context["attachment_help"] = _(
            "Tài liệu đính kèm: PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument "
            "(ODT, ODS) hoặc ZIP, tối đa %(limit)s mỗi tệp; loại tệp được kiểm tra "
            "theo nội dung, không theo tên. Bạn đọc thấy danh sách dưới bài viết; tệp "
            "PDF được xem trước ngay trên trang."
        ) % {"limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES)}
        response = super().render_change_form(request, context, *args, **kwargs)
        # The body is edited in CKEditor 4, which needs inline code.
        return with_editor_policy(response)

    def changelist_view(self, request, extra_context=None):
        waiting = self.writers_scope(request, Article.objects.waiting_for_review())
        extra_context = {
            **(extra_context or {}),
            "waiting_for_review": waiting.count(),
            "can_recover": self.has_publish_permission(request)
            and self.has_add_permission(request),
        }
        # Not VersionAdmin's: bulk actions make one revision per article (see
        # news.services), never one revision spanning several articles.
        return admin.ModelAdmin.changelist_view(self, request, extra_context)

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

    # Bulk actions: each goes through news.services.change_status.

    @admin.action(description=_("Gửi duyệt các bài đã chọn"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = change_status(
            articles=queryset,
            status=Article.Status.REVIEW,
            user=request.user,
            comment=_("Gửi duyệt"),
            only_from=[Article.Status.DRAFT],
        )
        self.message_user(
            request,
            ngettext("Đã gửi duyệt %d bài viết.", "Đã gửi duyệt %d bài viết.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Xuất bản các bài đã chọn"), permissions=["publish"])
    def publish(self, request, queryset):
        count = change_status(
            articles=queryset,
            status=Article.Status.PUBLISHED,
            user=request.user,
            comment=_("Xuất bản"),
        )
        self.message_user(
            request,
            ngettext("Đã xuất bản %d bài viết.", "Đã xuất bản %d bài viết.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ xuống các bài đã chọn"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = change_status(
            articles=queryset,
            status=Article.Status.UNPUBLISHED,
            user=request.user,
            comment=_("Gỡ xuống"),
            only_from=[Article.Status.PUBLISHED],
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
