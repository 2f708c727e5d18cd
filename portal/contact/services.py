"""Writes with side effects: a reader's contact message, its email, its handling."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import antispam
from portal.contact.models import ContactMessage
from portal.models import SiteSettings

log = logging.getLogger(__name__)


def receive_message(
    *,
    name,
    email,
    subject,
    message,
    phone="",
    department=None,
    ip_hash="",
    form_token="",
):
    """Store a reader's message; returns ``(message, created)``.

    A ``form_token`` already used returns the message it made instead of a second
    one. A message with too many links or a banned word is kept back from email
    (``Delivery.HELD``) with the reason, for a person to look at in the admin.
    """
    if form_token:
        existing = ContactMessage.objects.filter(form_token=form_token).first()
        if existing is not None:
            return existing, False
    held = antispam.hold_reasons(
        f"{subject}\n{message}", max_links=settings.CONTACT_MAX_LINKS
    )
    stored = ContactMessage(
        department=department,
        name=name,
        email=email,
        phone=phone,
        subject=subject,
        message=message,
        ip_hash=ip_hash,
        form_token=form_token,
        held_reason="; ".join(held.values()),
        delivery=(
            ContactMessage.Delivery.HELD if held else ContactMessage.Delivery.PENDING
        ),
    )
    try:
        with transaction.atomic():
            stored.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the first one won.
        existing = form_token and (
            ContactMessage.objects.filter(form_token=form_token).first()
        )
        if not existing:
            raise
        return existing, False
    return stored, True


def recipients(message):
    """Where ``message`` is emailed: its department's addresses, or the site's
    contact email when it has no department."""
    if message.department_id:
        return message.department.recipients
    email = SiteSettings.load().email
    return [email] if email else []


def email_message(message, *, admin_url):
    """Email a stored ``message`` to its recipients, the reader as Reply-To, and
    record the outcome on it. Never raises: when the mail server fails, the
    message stays stored with the error, logged and shown in the admin."""
    to = recipients(message)
    if not to:
        return _record(
            message,
            ContactMessage.Delivery.FAILED,
            _(
                "Không có địa chỉ nhận: bộ phận không có email và trang chưa có email liên hệ."
            ),
        )
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "message": message,
            "site": SiteSettings.load(),
            "admin_url": admin_url,
        }
        subject = render_to_string("contact/email/message_subject.txt", context)
        body = render_to_string("contact/email/message.txt", context)
    mail = EmailMessage(
        " ".join(subject.split()), body, to=to, reply_to=[message.email]
    )
    try:
        mail.send()
    except Exception as error:  # a mail server outage must not lose the message
        log.exception("Could not email contact message %s", message.pk)
        return _record(
            message, ContactMessage.Delivery.FAILED, f"{type(error).__name__}: {error}"
        )
    return _record(message, ContactMessage.Delivery.SENT, "")


def _record(message, delivery, error):
    message.delivery = delivery
    message.delivery_error = str(error)[:2000]
    message.emailed_at = timezone.now() if delivery == message.Delivery.SENT else None
    ContactMessage.objects.filter(pk=message.pk).update(
        delivery=message.delivery,
        delivery_error=message.delivery_error,
        emailed_at=message.emailed_at,
    )
    return delivery == message.Delivery.SENT


def mark_handled(*, messages, handled, user=None):
    """Mark ``messages`` (a queryset) handled or not; returns how many changed."""
    changing = messages.exclude(is_handled=handled)
    if handled:
        return changing.update(
            is_handled=True,
            handled_at=timezone.now(),
            handled_by=user if user and user.is_authenticated else None,
        )
    return changing.update(is_handled=False, handled_at=None, handled_by=None)
