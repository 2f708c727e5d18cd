from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True  # this module holds LoginRecordsConfig too
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from django.urls import register_converter

        from portal.converters import IdConverter
        from portal.roles import sync_roles

        # Once for every app's URLs: ``<id:pk>`` is a database id (1-18 digits).
        register_converter(IdConverter, "id")

        post_migrate.connect(sync_roles, sender=self)

        from django.db.backends.signals import connection_created

        from portal.admin_text import install_boolean_icon, install_login_record_labels
        from portal.outage import database_back

        install_boolean_icon()
        install_login_record_labels()

        # The first new database connection after an outage logs its end.
        connection_created.connect(database_back, dispatch_uid="portal_outage_over")

        from portal import pagecache

        pagecache.connect_signals()


class LoginRecordsConfig(AxesConfig):
    """django-axes (failed and successful admin logins) under a Vietnamese name."""

    verbose_name = _("Nhật ký đăng nhập")
