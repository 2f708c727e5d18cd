from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal import antispam
from portal.clientip import client_ip_hash
from portal.contact import services
from portal.contact.forms import ContactForm, sign_stamp
from portal.contact.models import ContactMessage
from portal.http import site_url


@require_http_methods(["GET", "POST"])
def contact(request):
    """``Liên hệ``: the organisation's details and the form readers write with.

    A message is stored first, then emailed to its department; a refused one
    comes back with the reason and everything typed, with a stamp that lets the
    reader send it again.
    """
    if request.method == "GET":
        initial = {"stamp": sign_stamp()}
        user = request.user
        if user.is_authenticated:
            initial["name"] = user.get_full_name() or user.get_username()
            initial["email"] = user.email
        return _page(request, ContactForm(initial=initial), stamp=initial["stamp"])

    form = ContactForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400, message=_refusal_message(form))
    data = form.cleaned_data
    already = ContactMessage.objects.filter(form_token=form.form_token).exists()
    ip_hash = client_ip_hash(request)
    if not already:
        wait = antispam.hit("contact", ip_hash, settings.CONTACT_RATE_LIMITS)
        if wait is not None:
            response = _page(
                request,
                form,
                status=429,
                message=_(
                    "Bạn gửi thư quá nhiều. Vui lòng thử lại sau %(seconds)d giây."
                )
                % {"seconds": wait},
            )
            response["Retry-After"] = str(wait)
            return response
    message, created = services.receive_message(
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        subject=data["subject"],
        message=data["message"],
        department=data.get("department"),
        ip_hash=ip_hash,
        form_token=form.form_token,
    )
    if created and message.delivery == ContactMessage.Delivery.PENDING:
        services.email_message(
            message,
            admin_url=site_url(request)
            + reverse("admin:contact_contactmessage_change", args=[message.pk]),
        )
    return redirect("contact-sent")


@require_GET
def sent(request):
    """The confirmation after a message is stored (the same for every reader)."""
    return render(request, "contact/sent.html")


def _refusal_message(form):
    whole = form.form_errors()
    if any(name not in ("stamp", "website") for name in form.errors):
        whole.append(_("Thư chưa được gửi. Vui lòng sửa các lỗi dưới đây."))
    return " ".join(str(error) for error in whole)


def _page(request, form, *, status=200, message="", stamp=None):
    return render(
        request,
        "contact/contact.html",
        {
            "form": form,
            "message": message,
            # A refused form carries the stamp its refusal renews.
            "stamp": stamp or form.renewed_stamp,
        },
        status=status,
    )
