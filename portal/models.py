from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models.functions import Lower
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.images import validate_icon_file, validate_image_file
from portal.pagecache import versioned_key

DEFAULT_ICON = "img/favicon.ico"


def cache_key(*, poll=True):
    """Where the settings record is cached (see ``SiteSettings.load``)."""
    return versioned_key("portal:site-settings", ("settings",), poll=poll)


class SiteSettings(models.Model):
    """The one editable record of site-wide settings (row id 1)."""

    class Moderation(models.TextChoices):
        EVERYONE = "everyone", _("Kiểm duyệt mọi bình luận")
        GUESTS = "guests", _("Chỉ kiểm duyệt bình luận của khách")
        NONE = "none", _("Không kiểm duyệt")

    site_name = models.CharField(
        _("tên trang"),
        max_length=200,
        default="Cổng thông tin điện tử",
        help_text=_("Hiện ở đầu mọi trang và trong tiêu đề cửa sổ."),
    )
    slogan = models.CharField(_("khẩu hiệu"), max_length=300, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="site/",
        blank=True,
        help_text=_("Hiện ở đầu trang, cạnh tên trang."),
    )
    favicon = models.ImageField(
        _("biểu tượng trang (favicon)"),
        upload_to="site/",
        blank=True,
        validators=[validate_icon_file],
        help_text=_(
            "Hiện trên thẻ trình duyệt và trong dấu trang. Ảnh vuông PNG hoặc ICO "
            "(cũng nhận JPEG, WebP, GIF), từ 16×16 đến 512×512 điểm ảnh; để trống "
            "để dùng biểu tượng mặc định."
        ),
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("email liên hệ"), blank=True)
    footer_text = models.TextField(
        _("chân trang"),
        blank=True,
        help_text=_("Văn bản thuần, hiện ở cuối mọi trang."),
    )
    related_count = models.PositiveSmallIntegerField(
        _("số tin mới hơn / cũ hơn"),
        default=5,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text=_("Số bài liệt kê trong 'Những tin mới hơn' và 'Những tin cũ hơn'."),
    )
    ratings_enabled = models.BooleanField(
        _("cho phép đánh giá bài viết"),
        default=True,
        help_text=_("Tắt để ẩn phần đánh giá trên mọi bài viết."),
    )
    guests_may_rate = models.BooleanField(
        _("khách được đánh giá"),
        default=True,
        help_text=_("Nếu tắt, chỉ người đã đăng nhập mới đánh giá được."),
    )
    comments_enabled = models.BooleanField(
        _("cho phép bình luận"),
        default=True,
        help_text=_("Tắt để đóng bình luận trên mọi bài viết."),
    )
    guests_may_comment = models.BooleanField(
        _("khách được bình luận"),
        default=True,
        help_text=_("Nếu tắt, chỉ người đã đăng nhập mới gửi được bình luận."),
    )
    comment_moderation = models.CharField(
        _("kiểm duyệt bình luận"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.GUESTS,
        help_text=_("Bình luận chờ kiểm duyệt không hiện cho người khác."),
    )
    comments_close_after_days = models.PositiveIntegerField(
        _("đóng bình luận sau (ngày)"),
        default=0,
        help_text=_(
            "Số ngày sau khi đăng thì bài viết thôi nhận bình luận; 0 = không bao giờ."
        ),
    )
    visits_offset = models.PositiveBigIntegerField(
        _("lượt truy cập ban đầu"),
        default=0,
        help_text=_("Cộng vào 'Tổng lượt truy cập', để giữ tổng của hệ thống cũ."),
    )

    class Meta:
        verbose_name = _("cấu hình trang")
        verbose_name_plural = _("cấu hình trang")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="portal_one_site_settings_row"
            ),
        ]

    def __str__(self):
        return self.site_name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @property
    def icon_url(self):
        """The site icon: the uploaded one, or the default in static files."""
        return self.favicon.url if self.favicon else static(DEFAULT_ICON)

    @classmethod
    def load(cls):
        """The settings record, from the cache when possible; created on first use."""
        settings = cache.get(cache_key())
        if settings is None:
            settings, _created = cls.objects.get_or_create(pk=1)
            # Keyed after a first-use creation, which changes the version.
            cache.set(cache_key(), settings, 60)
        return settings


def validate_link(value):
    """An absolute http(s) address or a path on this site; never javascript: and the like."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Liên kết phải bắt đầu bằng https://, http:// hoặc / (trang trong site)."
            ),
            code="banner_link",
        ) from None


class BannerQuerySet(models.QuerySet):
    def visible(self, at=None):
        """Banners readers see at ``at`` (now): inside their show-from/until window.

        Decided at query time, so a banner appears and disappears on its own.
        """
        at = at or timezone.now()
        return self.filter(
            models.Q(show_from__isnull=True) | models.Q(show_from__lte=at),
            models.Q(show_until__isnull=True) | models.Q(show_until__gt=at),
        )


class Banner(models.Model):
    """An image link in the side column, the header or the footer."""

    class Position(models.TextChoices):
        SIDE = "side", _("Cột bên")
        HEADER = "header", _("Đầu trang")
        FOOTER = "footer", _("Chân trang")

    image = models.ImageField(
        _("ảnh"),
        upload_to="banners/",
        validators=[validate_image_file],
        help_text=_(
            "JPEG, PNG, WebP hoặc GIF; hiện đúng như tải lên, nên dùng ảnh nhỏ."
        ),
    )
    link = models.CharField(
        _("liên kết"),
        max_length=500,
        validators=[validate_link],
        help_text=_(
            "Địa chỉ mở ra khi bấm vào ảnh: https://… hoặc một trang của site (/lien-he/)."
        ),
    )
    alt_text = models.CharField(
        _("văn bản thay thế"),
        max_length=200,
        help_text=_(
            "Nói nơi liên kết dẫn tới, cho người khiếm thị và khi ảnh không tải được."
        ),
    )
    position = models.CharField(
        _("vị trí"),
        max_length=10,
        choices=Position.choices,
        default=Position.SIDE,
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước trong cùng vị trí.")
    )
    show_from = models.DateTimeField(
        _("hiện từ"),
        null=True,
        blank=True,
        help_text=_("Để trống để hiện ngay."),
    )
    show_until = models.DateTimeField(
        _("hiện đến"),
        null=True,
        blank=True,
        help_text=_("Từ lúc này biểu ngữ thôi hiện; để trống để hiện mãi."),
    )
    new_tab = models.BooleanField(
        _("mở trong thẻ mới"),
        default=False,
        help_text=_("Nên dùng cho liên kết ra ngoài site."),
    )

    objects = BannerQuerySet.as_manager()

    class Meta:
        verbose_name = _("biểu ngữ")
        verbose_name_plural = _("biểu ngữ")
        ordering = ["position", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(show_from__isnull=True)
                | models.Q(show_until__isnull=True)
                | models.Q(show_until__gt=models.F("show_from")),
                name="portal_banner_until_after_from",
                violation_error_message=_(
                    "Thời điểm thôi hiện phải sau thời điểm bắt đầu hiện."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(position__in=["side", "header", "footer"]),
                name="portal_banner_position_known",
            ),
        ]

    def __str__(self):
        return self.alt_text

    def is_visible(self, at=None):
        """As ``Banner.objects.visible()``, for one banner already loaded."""
        at = at or timezone.now()
        return (self.show_from is None or self.show_from <= at) and (
            self.show_until is None or self.show_until > at
        )


class BannedWord(models.Model):
    """A word or phrase that holds a reader's comment or contact message for a
    person to look at first."""

    word = models.CharField(
        _("từ cấm"),
        max_length=100,
        help_text=_(
            "Bình luận hoặc thư liên hệ chứa từ hoặc cụm từ này (không phân biệt hoa "
            "thường) phải chờ người xem trước, kể cả khi không bật kiểm duyệt."
        ),
    )
    created = models.DateTimeField(_("ngày thêm"), auto_now_add=True)

    class Meta:
        verbose_name = _("từ cấm")
        verbose_name_plural = _("từ cấm")
        ordering = ["word"]
        constraints = [
            models.UniqueConstraint(Lower("word"), name="portal_bannedword_unique"),
            models.CheckConstraint(
                condition=~models.Q(word=""), name="portal_bannedword_not_empty"
            ),
        ]

    def __str__(self):
        return self.word


class Generation(models.Model):
    """The version of one scope of what public pages show (see portal.pagecache):
    raised by every change, read by every process to know which kept pages are
    stale."""

    scope = models.CharField(_("phạm vi"), max_length=100, primary_key=True)
    value = models.BigIntegerField(_("phiên bản"), default=0)
    changed = models.DateTimeField(_("lúc đổi"), db_index=True)

    class Meta:
        verbose_name = _("phiên bản nội dung")
        verbose_name_plural = _("phiên bản nội dung")

    def __str__(self):
        return f"{self.scope} = {self.value}"
