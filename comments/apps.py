from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Ý kiến bạn đọc")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from comments import forms  # noqa: F401 (registers the form stamp's hole)
