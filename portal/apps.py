from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from django.urls import register_converter

        from portal.converters import IdConverter
        from portal.roles import sync_roles

        # Once for every app's URLs: ``<id:pk>`` is a database id (1-18 digits).
        register_converter(IdConverter, "id")

        post_migrate.connect(sync_roles, sender=self)

        from portal.admin_text import install_boolean_icon

        install_boolean_icon()

        from portal import pagecache

        pagecache.connect_signals()
