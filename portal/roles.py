"""Editorial roles as Django groups, kept in step with this table after every migrate.

Each role lists permission codenames as ``app_label.codename``. A codename whose
model is not installed is skipped, so apps can be added in any order.
"""

from django.utils.translation import gettext_lazy as _

REPORTER = "Phóng viên"
MANAGING_EDITOR = "Thư ký tòa soạn"
ADMINISTRATOR = "Quản trị viên"

_ARTICLE_WRITE = [
    "news.view_article",
    "news.add_article",
    "news.change_article",
    # Documents attached to the articles one may change (news.admin).
    "news.view_attachment",
    "news.add_attachment",
    "news.change_attachment",
    "news.delete_attachment",
]
_TAGS = ["news.view_tag", "news.add_tag", "news.change_tag", "news.delete_tag"]
# Comment moderation: approve, remove, mark as spam, edit text, answer as the
# organisation ("Ban biên tập"), keep the banned-word list (portal.BannedWord, which
# holds contact messages too). Deleting is for superusers only (comments.admin).
_COMMENT_MODERATION = [
    "comments.view_comment",
    "comments.change_comment",
    "comments.reply_officially",
    "portal.view_bannedword",
    "portal.add_bannedword",
    "portal.change_bannedword",
    "portal.delete_bannedword",
]
# Readers' contact messages: read them and mark them handled; departments are
# kept by administrators.
_CONTACT = ["contact.view_contactmessage", "contact.change_contactmessage"]
_CATEGORIES = [
    "news.view_category",
    "news.add_category",
    "news.change_category",
    "news.delete_category",
]
_GALLERY = [
    f"gallery.{action}_{model}"
    for model in ("album", "photo")
    for action in ("view", "add", "change", "delete")
]

ROLES = {
    REPORTER: [*_ARTICLE_WRITE, "news.view_category", "news.view_tag"],
    MANAGING_EDITOR: [
        *_ARTICLE_WRITE,
        "news.publish_article",
        "news.delete_article",
        *_CATEGORIES,
        *_TAGS,
        # Auditing star ratings: list votes and remove fraudulent ones.
        "ratings.view_vote",
        "ratings.delete_vote",
        *_COMMENT_MODERATION,
        *_GALLERY,
        *_CONTACT,
    ],
    # Administrators get every permission (see sync_roles), among them
    # "stats.view_statistics" (the statistics dashboard), which no other role has.
    ADMINISTRATOR: ["stats.view_statistics"],
}

ROLE_LABELS = {
    REPORTER: _("Phóng viên / Biên tập viên"),
    MANAGING_EDITOR: _("Thư ký tòa soạn"),
    ADMINISTRATOR: _("Quản trị viên"),
}
ROLE_DESCRIPTIONS = {
    REPORTER: _("viết bài của mình và gửi duyệt"),
    MANAGING_EDITOR: _(
        "duyệt và xuất bản mọi bài, quản lý chuyên mục, từ khóa, bình luận, ảnh"
    ),
    ADMINISTRATOR: _("mọi quyền: người dùng, cấu hình, thống kê"),
}


def role_of(user):
    """The highest role among ``user``'s groups (the roles are cumulative), or
    None."""
    names = {group.name for group in user.groups.all()} if user.pk else set()
    for name in reversed(ROLES):
        if name in names:
            return name
    return None


def assign_role(*, user, role):
    """Give ``user`` exactly the role ``role`` (a key of ``ROLES``, or None for
    none): its group instead of any other role group, and staff status with it.
    Groups that are not roles are kept; without a role only a superuser stays
    staff."""
    from django.contrib.auth.models import Group

    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    if role is not None:
        group, _created = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    is_staff = role is not None or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def sync_roles(sender=None, using="default", **kwargs):
    """Create the role groups and give them exactly their permissions."""
    from django.contrib.auth.models import Group, Permission

    for name, codenames in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        if name == ADMINISTRATOR:
            perms = Permission.objects.using(using).all()
        else:
            perms = Permission.objects.using(using).none()
            for full in codenames:
                app_label, codename = full.split(".", 1)
                perms = perms | Permission.objects.using(using).filter(
                    content_type__app_label=app_label, codename=codename
                )
        group.permissions.set(perms)
