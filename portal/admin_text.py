"""Admin text that Django writes in English whatever the language, put in words
of the active language (the catalogues in locale/ cover the rest)."""

from django.apps import apps
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PERMISSION_ACTIONS = {
    "add": gettext_lazy("Có thể thêm %(model)s"),
    "change": gettext_lazy("Có thể sửa %(model)s"),
    "delete": gettext_lazy("Có thể xóa %(model)s"),
    "view": gettext_lazy("Có thể xem %(model)s"),
}


def boolean_icon(value):
    """Django's yes/no/unknown icon for list columns, with its alternative text
    translated (Django's says "True", "False" or "None")."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    label = {True: _("Có"), False: _("Không"), None: _("Không rõ")}[value]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), label
    )


def install_boolean_icon():
    # Every caller imports the helper from this module when it runs, so
    # replacing it here reaches the change lists and read-only fields alike.
    from django.contrib.admin.templatetags import admin_list

    admin_list._boolean_icon = boolean_icon


def login_record_label(record):
    """A django-axes record as the admin names it (axes writes "Access Log for
    … @ …" in English): whose sign-in or failed attempt, and when, in the site's
    time zone and the active language."""
    from django.utils import formats, timezone
    from django.utils.translation import gettext

    moment = formats.date_format(
        timezone.localtime(record.attempt_time), "SHORT_DATETIME_FORMAT"
    )
    if record._meta.model_name == "accesslog":  # a sign-in (and its sign-out)
        label = gettext("Đăng nhập: %(username)s, %(moment)s")
    else:  # a failed attempt, or the count of them
        label = gettext("Đăng nhập sai: %(username)s, %(moment)s")
    return label % {"username": record.username or "?", "moment": moment}


def install_login_record_labels():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.__str__ = login_record_label


def permission_label(permission):
    """A permission as the group and user pages list it: its app, its model and
    what it allows, in the active language. Django stores the names of the
    default permissions in English ("Can add article") when it creates them;
    custom permissions keep their own (Vietnamese) names."""
    content_type = permission.content_type
    model = content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is None:
        return str(permission)
    opts = model._meta
    name = permission.name
    if action in PERMISSION_ACTIONS and model_name == opts.model_name:
        name = PERMISSION_ACTIONS[action] % {"model": opts.verbose_name}
    app = apps.get_app_config(opts.app_label).verbose_name
    return f"{app} | {opts.verbose_name} | {name}"
