from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The contact form (``Liên hệ``): departments and readers' messages."""

    name = "portal.contact"
    label = "contact"
    verbose_name = _("Liên hệ")
    default_auto_field = "django.db.models.BigAutoField"
