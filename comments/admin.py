from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments import services
from comments.models import Comment, with_visible_comment_count
from news import admin_hooks
from portal.http import site_url


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue. Comments arrive from readers (nothing to add here);
    only superusers delete, everyone else removes or marks as spam."""

    list_display = [
        "short_text",
        "name",
        "email",
        "article_link",
        "state",
        "is_official",
        "held_reason",
        "created",
    ]
    list_display_links = ["short_text"]
    list_filter = [
        "state",
        ("article", admin.RelatedOnlyFieldListFilter),
        "created",
        "is_official",
    ]
    list_select_related = ["article"]
    search_fields = ["name", "email", "text", "article__title"]
    date_hierarchy = "created"
    actions = ["approve", "remove", "mark_spam"]
    fields = [
        "article",
        "parent",
        "reply_to",
        "name",
        "email",
        "user",
        "text",
        "state",
        "is_official",
        "notify_replies",
        "held_reason",
        "ip_hash",
        "created",
        "moderated_at",
        "moderated_by",
    ]
    readonly_fields = [
        "article",
        "parent",
        "reply_to",
        "email",
        "user",
        "is_official",
        "notify_replies",
        "held_reason",
        "ip_hash",
        "created",
        "moderated_at",
        "moderated_by",
    ]

    @admin.display(description=_("nội dung"), ordering="text")
    def short_text(self, comment):
        return Truncator(comment.text).chars(80)

    @admin.display(description=_("bài viết"), ordering="article__title")
    def article_link(self, comment):
        return Truncator(comment.article.title).chars(60)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def save_model(self, request, obj, form, change):
        # A state chosen on the change page goes through the same service as
        # the bulk actions (reply emails, the latest-comments block).
        new_state = obj.state
        if change and "state" in form.changed_data:
            obj.state = form.initial["state"]
        super().save_model(request, obj, form, change)
        if obj.state != new_state:
            services.moderate(
                comments=Comment.objects.filter(pk=obj.pk),
                state=new_state,
                moderator=request.user,
                site_url=site_url(request),
            )
            obj.state = new_state

    def _moderate(self, request, queryset, state, message):
        changed = services.moderate(
            comments=queryset,
            state=state,
            moderator=request.user,
            site_url=site_url(request),
        )
        self.message_user(
            request, message(changed) % {"count": changed}, messages.SUCCESS
        )

    @admin.action(description=_("Duyệt các bình luận đã chọn"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(
            request,
            queryset,
            Comment.State.APPROVED,
            lambda n: ngettext(
                "Đã duyệt %(count)d bình luận.", "Đã duyệt %(count)d bình luận.", n
            ),
        )

    @admin.action(description=_("Gỡ các bình luận đã chọn"), permissions=["change"])
    def remove(self, request, queryset):
        self._moderate(
            request,
            queryset,
            Comment.State.REMOVED,
            lambda n: ngettext(
                "Đã gỡ %(count)d bình luận.", "Đã gỡ %(count)d bình luận.", n
            ),
        )

    @admin.action(
        description=_("Đánh dấu các bình luận đã chọn là thư rác"),
        permissions=["change"],
    )
    def mark_spam(self, request, queryset):
        self._moderate(
            request,
            queryset,
            Comment.State.SPAM,
            lambda n: ngettext(
                "Đã đánh dấu %(count)d bình luận là thư rác.",
                "Đã đánh dấu %(count)d bình luận là thư rác.",
                n,
            ),
        )


@admin.display(description=_("Bình luận"), ordering="visible_comment_count")
def visible_comment_count(article):
    return article.visible_comment_count


admin_hooks.add_column(visible_comment_count, annotate=with_visible_comment_count)
