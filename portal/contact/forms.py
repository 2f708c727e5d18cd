import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import antispam
from portal.antispam import normalise
from portal.contact.models import MESSAGE_MAX_LENGTH, ContactMessage, Department

STAMP_SALT = "contact.form-stamp"
STAMP_SCOPE = "contact"
# Digits with the spaces, dots, dashes, brackets and leading + people write.
PHONE_RE = re.compile(r"^\+?[0-9 .()\-]{8,30}$")


def sign_stamp(*, issued_at=None, nonce=None):
    """The signed hidden value that dates a contact form (see portal.antispam)."""
    return antispam.sign_stamp(
        STAMP_SCOPE, salt=STAMP_SALT, issued_at=issued_at, nonce=nonce
    )


class TelInput(forms.TextInput):
    input_type = "tel"


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, department):
        return department.name


class ContactForm(antispam.StampedForm):
    """The contact page's form: name, email, phone, subject, department, message,
    with the comment form's anti-spam (signed stamp, honeypot)."""

    stamp_salt = STAMP_SALT
    stamp_scope = STAMP_SCOPE

    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=ContactMessage._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Vui lòng nhập họ và tên."),
            "max_length": _("Họ và tên dài tối đa %(limit_value)d ký tự."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Chúng tôi trả lời qua địa chỉ này."),
        error_messages={
            "required": _("Vui lòng nhập email."),
            "invalid": _("Địa chỉ email không hợp lệ."),
            "max_length": _("Địa chỉ email không hợp lệ."),
        },
    )
    phone = forms.CharField(
        label=_("Điện thoại"),
        required=False,
        max_length=ContactMessage._meta.get_field("phone").max_length,
        widget=TelInput(attrs={"autocomplete": "tel"}),
        help_text=_("Không bắt buộc."),
        error_messages={"max_length": _("Số điện thoại không hợp lệ.")},
    )
    subject = forms.CharField(
        label=_("Tiêu đề"),
        max_length=ContactMessage._meta.get_field("subject").max_length,
        error_messages={
            "required": _("Vui lòng nhập tiêu đề."),
            "max_length": _("Tiêu đề dài tối đa %(limit_value)d ký tự."),
        },
    )
    department = DepartmentChoiceField(
        label=_("Gửi tới bộ phận"),
        queryset=Department.objects.active(),
        empty_label=_("— Chọn bộ phận —"),
        error_messages={
            "required": _("Vui lòng chọn bộ phận nhận thư."),
            "invalid_choice": _(
                "Bộ phận này không có hoặc không còn nhận thư; vui lòng chọn lại."
            ),
        },
    )
    message = forms.CharField(
        label=pgettext_lazy("contact", "Nội dung"),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MESSAGE_MAX_LENGTH}),
        # The length is checked after line breaks are normalised (clean_message).
        max_length=MESSAGE_MAX_LENGTH * 2,
        error_messages={
            "required": _("Vui lòng nhập nội dung thư."),
            "max_length": _("Nội dung dài tối đa %(limit_value)d ký tự."),
        },
    )

    def __init__(self, *args, **kwargs):
        self.min_seconds = settings.COMMENTS_MIN_FORM_SECONDS
        self.max_seconds = settings.COMMENTS_MAX_FORM_SECONDS
        super().__init__(*args, **kwargs)
        # Without departments in the admin, messages go to the site's email.
        if not self.fields["department"].queryset.exists():
            del self.fields["department"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_subject(self):
        subject = " ".join(self.cleaned_data["subject"].split())
        if not subject:
            raise forms.ValidationError(_("Vui lòng nhập tiêu đề."), code="required")
        return subject

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(ch.isdigit() for ch in phone)
        if phone and (not PHONE_RE.match(phone) or not 8 <= digits <= 15):
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ (8–15 chữ số, ví dụ 0200 3 812 345)."),
                code="phone_invalid",
            )
        return phone

    def clean_message(self):
        text = normalise(self.cleaned_data["message"]).strip()
        if not text:
            raise forms.ValidationError(
                _("Vui lòng nhập nội dung thư."), code="required"
            )
        if len(text) > MESSAGE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Nội dung dài tối đa %(limit)d ký tự (bạn đã nhập %(count)d ký tự)."),
                code="max_length",
                params={"limit": MESSAGE_MAX_LENGTH, "count": len(text)},
            )
        return text
