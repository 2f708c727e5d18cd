from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from portal.contact import services
from portal.contact.models import ContactMessage, Department
from portal.http import site_url


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "emails", "order", "is_active", "message_count"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "emails"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(message_count=Count("messages"))

    @admin.display(description=_("số thư"), ordering="message_count")
    def message_count(self, department):
        return department.message_count


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Readers' messages, as they were sent: only the handled flag changes here.
    Nothing is added from the admin, and only superusers delete."""

    list_display = [
        "short_subject",
        "name",
        "email",
        "department",
        "created",
        "delivery",
        "is_handled",
    ]
    list_filter = ["is_handled", "delivery", "department", "created"]
    list_select_related = ["department"]
    search_fields = ["subject", "message", "name", "email", "phone"]
    date_hierarchy = "created"
    actions = ["mark_handled", "mark_unhandled", "send_email"]
    fieldsets = [
        (None, {"fields": ["is_handled", "handled_at", "handled_by"]}),
        (
            _("Thư"),
            {
                "fields": [
                    "department",
                    "subject",
                    "message",
                    "name",
                    "email",
                    "phone",
                    "created",
                ]
            },
        ),
        (
            _("Gửi email"),
            {
                "fields": [
                    "delivery",
                    "emailed_at",
                    "delivery_error",
                    "held_reason",
                    "ip_hash",
                ]
            },
        ),
    ]
    readonly_fields = [
        "handled_at",
        "handled_by",
        "department",
        "subject",
        "message",
        "name",
        "email",
        "phone",
        "created",
        "delivery",
        "emailed_at",
        "delivery_error",
        "held_reason",
        "ip_hash",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    @admin.display(description=pgettext_lazy("contact", "tiêu đề"), ordering="subject")
    def short_subject(self, message):
        return Truncator(message.subject).chars(80)

    def save_model(self, request, obj, form, change):
        if "is_handled" in form.changed_data:
            services.mark_handled(
                messages=ContactMessage.objects.filter(pk=obj.pk),
                handled=obj.is_handled,
                user=request.user,
            )
            obj.refresh_from_db()

    @admin.action(description=_("Đánh dấu đã xử lý"), permissions=["change"])
    def mark_handled(self, request, queryset):
        n = services.mark_handled(messages=queryset, handled=True, user=request.user)
        self.message_user(
            request,
            ngettext(
                "Đã đánh dấu %(count)d thư là đã xử lý.",
                "Đã đánh dấu %(count)d thư là đã xử lý.",
                n,
            )
            % {"count": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Đánh dấu chưa xử lý"), permissions=["change"])
    def mark_unhandled(self, request, queryset):
        n = services.mark_handled(messages=queryset, handled=False, user=request.user)
        self.message_user(
            request,
            ngettext(
                "Đã đánh dấu %(count)d thư là chưa xử lý.",
                "Đã đánh dấu %(count)d thư là chưa xử lý.",
                n,
            )
            % {"count": n},
            messages.SUCCESS,
        )

    @admin.action(description=_("Gửi email tới bộ phận"), permissions=["change"])
    def send_email(self, request, queryset):
        """Email the chosen messages again: those held back, or whose email
        failed. Each outcome is recorded on the message."""
        sent = failed = 0
        for message in queryset.select_related("department"):
            ok = services.email_message(
                message,
                admin_url=site_url(request)
                + reverse("admin:contact_contactmessage_change", args=[message.pk]),
            )
            sent, failed = sent + ok, failed + (not ok)
        if sent:
            self.message_user(
                request,
                ngettext(
                    "Đã gửi email %(count)d thư.", "Đã gửi email %(count)d thư.", sent
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "Không gửi được email %(count)d thư; xem lỗi trong từng thư.",
                    "Không gửi được email %(count)d thư; xem lỗi trong từng thư.",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            )
