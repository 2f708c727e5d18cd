"""Who may comment where, and whether a new comment waits for a moderator."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import BannedWord, Comment
from comments.text import banned_words_in, count_links
from portal.models import SiteSettings


def is_moderator(user):
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("comments.change_comment")
    )


def closes_at(article, site=None):
    """When ``article`` stops taking comments by age, or None for never."""
    site = site or SiteSettings.load()
    days = site.comments_close_after_days
    return article.publish_at + timedelta(days=days) if days else None


def closed_reason(article, *, user=None, site=None, now=None):
    """Why nobody (or not this reader) may comment on ``article`` now; None if open."""
    site = site or SiteSettings.load()
    if not site.comments_enabled or not article.allow_comments:
        return _("Bài viết này không nhận bình luận.")
    deadline = closes_at(article, site)
    if deadline is not None and (now or timezone.now()) >= deadline:
        return _("Bài viết đã đóng bình luận.")
    if not site.guests_may_comment and not (user and user.is_authenticated):
        return _("Vui lòng đăng nhập để gửi bình luận.")
    return None


def hold_reason(text):
    """Why a comment must wait for a moderator whatever the policy; "" if none."""
    reasons = []
    links = count_links(text)
    if links > settings.COMMENTS_MAX_LINKS:
        reasons.append(_("có %(count)d liên kết") % {"count": links})
    words = banned_words_in(text, BannedWord.objects.values_list("word", flat=True))
    if words:
        reasons.append(_("có từ cấm: %(words)s") % {"words": ", ".join(words)})
    return "; ".join(reasons)


def initial_state(*, user, text, as_official=False, site=None):
    """The state a new comment starts in, and why it is held if it is."""
    if as_official or is_moderator(user):
        return Comment.State.APPROVED, ""
    site = site or SiteSettings.load()
    held = hold_reason(text)
    if held:
        return Comment.State.WAITING, held
    moderation = site.comment_moderation
    if moderation == SiteSettings.Moderation.EVERYONE:
        return Comment.State.WAITING, ""
    if moderation == SiteSettings.Moderation.GUESTS and not (
        user and user.is_authenticated
    ):
        return Comment.State.WAITING, ""
    return Comment.State.APPROVED, ""
