"""List filters of the article admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from news.models import Article


class StateFilter(admin.SimpleListFilter):
    """The article's state in words, scheduled and taken-down included."""

    title = _("trạng thái")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        if self.value() in Article.State.values:
            return queryset.in_state(self.value())
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("người viết")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Bài của tôi"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(created_by=request.user)
        return queryset
