"""Who may comment where, and whether a new comment waits for a moderator."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments.models import Comment
from portal import antispam
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


def hold_reasons(text):
    """Why a comment must wait for a moderator whatever the policy:
    ``{"links": ..., "words": ...}`` (portal.antispam), empty if nothing."""
    return antispam.hold_reasons(text, max_links=settings.COMMENTS_MAX_LINKS)


# Why a comment waits, as the reader is told: the code in hold_reasons(), its
# slug in the no-JavaScript redirect (?binh-luan=cho-duyet&ly-do=...).
HOLD_SLUGS = {"links": "lien-ket", "words": "tu-ngu"}


def hold_slugs(reasons):
    """``lien-ket,tu-ngu``: the codes of ``hold_reasons()`` for an address."""
    return ",".join(HOLD_SLUGS[code] for code in reasons if code in HOLD_SLUGS)


def held_from_slugs(value):
    """The hold codes named by an address's ``ly-do`` (unknown slugs ignored)."""
    known = {slug: code for code, slug in HOLD_SLUGS.items()}
    return [known[slug] for slug in str(value).split(",") if slug in known]


def waiting_notice(held=()):
    """What the reader is told when a comment waits: that it waits, and why when
    it is held whatever the site's policy (codes of ``hold_reasons()``)."""
    notice = _("Bình luận của bạn đang chờ kiểm duyệt")
    reasons = []
    if "links" in held:
        count = settings.COMMENTS_MAX_LINKS
        reasons.append(
            ngettext(
                "Bình luận có hơn %(count)d liên kết nên cần Ban biên tập duyệt "
                "trước khi hiện.",
                "Bình luận có hơn %(count)d liên kết nên cần Ban biên tập duyệt "
                "trước khi hiện.",
                count,
            )
            % {"count": count}
        )
    if "words" in held:
        reasons.append(_("Bình luận có từ ngữ cần Ban biên tập xem trước khi hiện."))
    return f"{notice}. {' '.join(reasons)}" if reasons else notice


def hold_reason(text):
    """Why a comment must wait for a moderator whatever the policy; "" if none."""
    return "; ".join(hold_reasons(text).values())


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
