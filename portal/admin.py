from django.contrib import admin

from portal.models import SiteSettings


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
