"""Emails: moderators when a comment waits, a commenter when someone replies."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.mail import EmailMessage, send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.http import site_url
from portal.models import SiteSettings

log = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "comments.unsubscribe"


def absolute(path, base_url=None):
    """``path`` on the site at ``base_url`` (see portal.http.site_url)."""
    return (base_url or site_url()) + path


def unsubscribe_token(email):
    return signing.dumps(email.strip().lower(), salt=UNSUBSCRIBE_SALT)


def email_from_token(token):
    """The address a token was signed for, or None if it was tampered with."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(email, base_url=None):
    return absolute(
        reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(email)}),
        base_url,
    )


def moderator_emails():
    if settings.COMMENTS_MODERATOR_EMAILS:
        return list(settings.COMMENTS_MODERATOR_EMAILS)
    perm = Permission.objects.filter(
        content_type__app_label="comments", codename="change_comment"
    ).first()
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    may = Q(is_superuser=True)
    if perm is not None:
        may |= Q(groups__permissions=perm) | Q(user_permissions=perm)
    return sorted(
        set(users.filter(may).exclude(email="").values_list("email", flat=True))
    )


def notify_moderators(comment, *, base_url=None):
    """Tell moderators that ``comment`` waits, with a link to it in the admin of
    the site at ``base_url`` (``portal.http.site_url()`` by default)."""
    recipients = moderator_emails()
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "comment": comment,
            "article": comment.article,
            "site": SiteSettings.load(),
            "admin_url": absolute(
                reverse("admin:comments_comment_change", args=[comment.pk]), base_url
            ),
            "queue_url": absolute(
                reverse("admin:comments_comment_changelist") + "?state__exact=waiting",
                base_url,
            ),
        }
        subject = render_to_string("comments/email/moderation_subject.txt", context)
        body = render_to_string("comments/email/moderation.txt", context)
    try:
        return send_mail(
            " ".join(subject.split()), body, None, recipients, fail_silently=False
        )
    except Exception:  # a mail server outage must not lose the stored comment
        log.exception("Could not email moderators about comment %s", comment.pk)
        return 0


def notify_reply(reply, *, base_url=None):
    """Email the author of the comment ``reply`` answers, if they asked for it;
    links point to the site at ``base_url`` (as ``notify_moderators``)."""
    answered = reply.reply_to
    if (
        answered is None
        or not answered.notify_replies
        or not answered.is_visible
        or answered.email.strip().lower() == reply.email.strip().lower()
    ):
        return 0
    unsubscribe = unsubscribe_url(answered.email, base_url)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "reply": reply,
            "answered": answered,
            "article": reply.article,
            "site": SiteSettings.load(),
            "reply_url": absolute(reply.get_absolute_url(), base_url),
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string("comments/email/reply_subject.txt", context)
        body = render_to_string("comments/email/reply.txt", context)
    message = EmailMessage(
        " ".join(subject.split()),
        body,
        to=[answered.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        return message.send()
    except Exception:
        log.exception("Could not email the reply notice for comment %s", reply.pk)
        return 0
