from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "portal:site-settings"


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
        cache.delete(CACHE_KEY)

    @classmethod
    def load(cls):
        """The settings record, from the cache when possible; created on first use."""
        settings = cache.get(CACHE_KEY)
        if settings is None:
            settings, _created = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, settings, 60)
        return settings
