"""Readers' messages from the contact page, and the departments they go to."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def validate_email_list(value):
    """Comma-separated email addresses, at least one."""
    addresses = split_emails(value)
    if not addresses:
        raise ValidationError(
            _("Nhập ít nhất một địa chỉ email."), code="emails_required"
        )
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _("“%(address)s” không phải là địa chỉ email hợp lệ."),
                code="email_invalid",
                params={"address": address},
            ) from None


def split_emails(value):
    return [
        part.strip()
        for part in (value or "").replace(";", ",").split(",")
        if part.strip()
    ]


class DepartmentQuerySet(models.QuerySet):
    def active(self):
        """The departments readers may write to, in the contact form's order."""
        return self.filter(is_active=True)


class Department(models.Model):
    """A part of the organisation that readers write to from the contact page."""

    name = models.CharField(
        _("tên bộ phận"),
        max_length=150,
        help_text=_("Bạn đọc chọn tên này trong biểu mẫu liên hệ."),
    )
    emails = models.CharField(
        _("email nhận thư"),
        max_length=1000,
        validators=[validate_email_list],
        help_text=_(
            "Một hoặc nhiều địa chỉ, cách nhau bằng dấu phẩy: thư gửi bộ phận này "
            "được chuyển tới tất cả các địa chỉ đó."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước trong danh sách.")
    )
    is_active = models.BooleanField(
        _("đang nhận thư"),
        default=True,
        help_text=_("Tắt để ẩn bộ phận khỏi biểu mẫu; thư đã nhận vẫn được giữ."),
    )

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bộ phận nhận thư")
        verbose_name_plural = _("bộ phận nhận thư")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), name="contact_department_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def recipients(self):
        return split_emails(self.emails)


MESSAGE_MAX_LENGTH = 5000


class ContactMessage(models.Model):
    """A reader's message from the contact page: stored first, then emailed."""

    class Delivery(models.TextChoices):
        PENDING = "pending", _("Đang gửi")
        SENT = "sent", _("Đã gửi email")
        FAILED = "failed", _("Gửi email lỗi")
        HELD = "held", _("Giữ lại, chưa gửi email")

    department = models.ForeignKey(
        Department,
        verbose_name=_("bộ phận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages",
    )
    name = models.CharField(_("họ và tên"), max_length=80)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    subject = models.CharField(pgettext_lazy("contact", "tiêu đề"), max_length=200)
    message = models.TextField(pgettext_lazy("contact", "nội dung"))
    created = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    delivery = models.CharField(
        _("gửi email"),
        max_length=10,
        choices=Delivery.choices,
        default=Delivery.PENDING,
        help_text=_(
            "Thư bị giữ lại hoặc gửi lỗi vẫn ở đây; chọn “Gửi email tới bộ phận” "
            "để gửi lại."
        ),
    )
    delivery_error = models.TextField(_("lỗi gửi email"), blank=True)
    emailed_at = models.DateTimeField(_("gửi email lúc"), null=True, blank=True)
    held_reason = models.CharField(
        _("lý do giữ lại"),
        max_length=300,
        blank=True,
        help_text=_("Thư có nhiều liên kết hoặc có từ cấm không được gửi email ngay."),
    )
    is_handled = models.BooleanField(
        _("đã xử lý"),
        default=False,
        help_text=_("Đánh dấu khi đã trả lời hoặc đã giải quyết thư."),
    )
    handled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_hash = models.CharField(_("mã địa chỉ IP"), max_length=64, blank=True)
    form_token = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("thư liên hệ")
        verbose_name_plural = _("thư liên hệ")
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["form_token"],
                condition=~models.Q(form_token=""),
                name="contact_one_message_per_form",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
                name="contact_message_length",
            ),
            models.CheckConstraint(
                condition=models.Q(delivery__in=["pending", "sent", "failed", "held"]),
                name="contact_delivery_known",
            ),
        ]

    def __str__(self):
        return self.subject
