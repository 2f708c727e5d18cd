from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """A site moved from NukeViet: the import command and the old addresses."""

    name = "news.legacy"
    label = "legacy"
    verbose_name = _("Chuyển từ NukeViet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from news.legacy.models import LegacySite
        from news.legacy.redirects import forget_sites

        post_save.connect(forget_sites, sender=LegacySite)
        post_delete.connect(forget_sites, sender=LegacySite)
