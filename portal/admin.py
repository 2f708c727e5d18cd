from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from portal import admin_users  # noqa: F401 (the user pages with roles)
from portal.models import BannedWord, Banner, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One record: the list goes straight to it, and it cannot be added or deleted."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        from django.shortcuts import redirect
        from django.urls import reverse

        settings = SiteSettings.load()
        return redirect(reverse("admin:portal_sitesettings_change", args=[settings.pk]))


@admin.register(Banner)
class BannerAdmin(admin.ModelAdmin):
    list_display = [
        "preview",
        "alt_text",
        "position",
        "order",
        "show_from",
        "show_until",
        "shown_now",
    ]
    list_display_links = ["preview", "alt_text"]
    list_editable = ["order"]
    list_filter = ["position", "new_tab"]
    search_fields = ["alt_text", "link"]
    fieldsets = [
        (None, {"fields": ["image", "alt_text", "link", "new_tab"]}),
        (
            gettext_lazy("Vị trí và thời gian"),
            {"fields": ["position", "order", "show_from", "show_until"]},
        ),
    ]

    @admin.display(description=gettext_lazy("ảnh"))
    def preview(self, banner):
        if not banner.image:
            return "—"
        return format_html(
            '<img class="admin-banner-preview" src="{}" alt="">',
            banner.image.url,
        )

    @admin.display(description=gettext_lazy("đang hiện"), boolean=True)
    def shown_now(self, banner):
        return banner.is_visible()


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    list_display = ["word", "created"]
    search_fields = ["word"]
