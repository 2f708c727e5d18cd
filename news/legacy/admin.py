from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news.legacy.models import LegacyLink, LegacySite


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by ``import_nukeviet`` only; shown for reference."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LegacySite)
class LegacySiteAdmin(ReadOnlyAdmin):
    list_display = [
        "database",
        "server",
        "table_prefix",
        "language",
        "module_data",
        "module_name",
        "is_home_module",
        "imported_at",
    ]


@admin.register(LegacyLink)
class LegacyLinkAdmin(ReadOnlyAdmin):
    list_display = ["old_path", "kind", "old_id", "new_address", "synced_at"]
    list_filter = ["site", "kind"]
    search_fields = ["old_path", "old_alias", "=old_id"]
    list_select_related = ["article__category", "category", "tag", "comment"]
    readonly_fields = [
        "site",
        "kind",
        "old_id",
        "old_alias",
        "old_path",
        "category",
        "article",
        "tag",
        "comment",
        "fingerprint",
        "data",
        "synced_at",
    ]
    list_per_page = 100

    @admin.display(description=_("địa chỉ mới"))
    def new_address(self, link):
        target = link.target
        url = getattr(target, "get_absolute_url", None)
        if url is None:
            return str(target)
        return format_html('<a href="{}">{}</a>', url(), target)
