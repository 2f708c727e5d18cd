"""The user pages of the admin: the editorial role is one choice.

Assigning a role through the generic groups picker plus the separate staff status
box was a detour. The add and change pages offer the roles of ``portal.roles`` as
one choice that also sets staff status; the generic fields (groups, permissions,
staff and superuser status) stay available below, folded.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AdminUserCreationForm,
    SetUnusablePasswordMixin,
    UserChangeForm,
)
from django.contrib.auth.models import Group
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from portal.admin_text import permission_label
from portal.roles import ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, assign_role, role_of

User = get_user_model()


def role_field():
    return forms.ChoiceField(
        label=_("vai trò"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("Không có vai trò (không vào được trang quản trị)")),
            *(
                (name, f"{ROLE_LABELS[name]} — {ROLE_DESCRIPTIONS[name]}")
                for name in ROLES
            ),
        ],
        help_text=_(
            "Chọn một vai trò là đủ: người dùng được vào trang quản trị với các "
            "quyền của vai trò đó."
        ),
    )


class RoleCreationForm(AdminUserCreationForm):
    role = role_field()


class RoleChangeForm(UserChangeForm):
    role = role_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = role_of(self.instance) or ""


class PasswordChangeForm(AdminPasswordChangeForm):
    # Django appends this warning in English, outside its catalogue.
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}'
        "</li></ul>",
        SetUnusablePasswordMixin.usable_password_help_text,
        _("Nếu tắt, mật khẩu hiện có của người dùng này sẽ mất."),
    )


class HideMembershipRowsMixin:
    """The delete confirmation lists what goes with a user or a group; the rows
    linking users, groups and permissions were listed as "User_groups object
    (3)", a name no catalogue can translate and nobody deletes by themselves."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        links = [
            User.groups.through,
            User.user_permissions.through,
            Group.permissions.through,
        ]
        plural = {str(link._meta.verbose_name_plural) for link in links}
        prefixes = tuple(f"{capfirst(link._meta.verbose_name)}: " for link in links)

        def keep(items):
            return [
                keep(item) if isinstance(item, list) else item
                for item in items
                if isinstance(item, list) or not str(item).startswith(prefixes)
            ]

        counts = {name: n for name, n in counts.items() if str(name) not in plural}
        return keep(deleted), counts, perms_needed, protected


class UserAdmin(HideMembershipRowsMixin, DjangoUserAdmin):
    form = RoleChangeForm
    add_form = RoleCreationForm
    change_password_form = PasswordChangeForm
    list_display = ["username", "full_name", "email", "role_label", "is_active"]
    list_filter = ["groups", "is_staff", "is_superuser", "is_active"]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "password1",
                    "password2",
                    "role",
                    "last_name",
                    "first_name",
                    "email",
                ],
            },
        ),
    ]
    fieldsets = [
        (None, {"fields": ["username", "password", "role"]}),
        (_("Thông tin cá nhân"), {"fields": ["last_name", "first_name", "email"]}),
        (
            _("Quyền chi tiết"),
            {
                "classes": ["collapse"],
                "description": _(
                    "Cho trường hợp đặc biệt; vai trò ở trên đã đặt nhóm và quyền vào "
                    "trang quản trị."
                ),
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ],
            },
        ),
        (_("Các mốc thời gian"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_form_template = "admin/auth/user/add_form_role.html"

    @admin.display(description=_("họ và tên"))
    def full_name(self, user):
        # Vietnamese order: family name first (Django's get_full_name is "first last").
        return " ".join(filter(None, [user.last_name, user.first_name]))

    @admin.display(description=_("vai trò"))
    def role_label(self, user):
        role = role_of(user)
        return ROLE_LABELS[role] if role else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Only a superuser makes another one.
            readonly.append("is_superuser")
        return readonly

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "user_permissions":
            field.label_from_instance = permission_label
        return field

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the groups field is saved, so the role has the last word.
        if not change or "role" in form.changed_data:
            assign_role(user=form.instance, role=form.cleaned_data.get("role") or None)


class GroupAdmin(HideMembershipRowsMixin, DjangoGroupAdmin):
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "permissions":
            field.label_from_instance = permission_label
        return field


admin.site.unregister(User)
admin.site.register(User, UserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)
