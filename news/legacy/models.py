"""What a site moved from NukeViet keeps of the old one: which database and module
it came from, and the link of every old record (its id, alias and address) to what
it became here. The old addresses answer 301 from these links (see redirects)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LegacySite(models.Model):
    """One NukeViet news module imported by ``import_nukeviet``."""

    database = models.CharField(
        _("cơ sở dữ liệu"),
        max_length=64,
        help_text=_(
            "Tên cơ sở dữ liệu cũ; cùng tên, tiền tố, ngôn ngữ và module là cùng "
            "một trang, dù đọc từ máy chủ nào."
        ),
    )
    server = models.CharField(
        _("máy chủ"),
        max_length=200,
        blank=True,
        help_text=_("Máy chủ của lần nhập gần nhất (không lưu mật khẩu)."),
    )
    table_prefix = models.CharField(_("tiền tố bảng"), max_length=30)
    language = models.CharField(_("ngôn ngữ"), max_length=3)
    module_data = models.CharField(
        _("tên dữ liệu của module"),
        max_length=50,
        help_text=_("Phần tên bảng: <tiền tố>_<ngôn ngữ>_<tên dữ liệu>_rows."),
    )
    module_name = models.CharField(
        _("tên module trên địa chỉ"),
        max_length=50,
        db_index=True,
        help_text=_("Đoạn đầu của các địa chỉ cũ, ví dụ /news/…"),
    )
    module_upload = models.CharField(_("thư mục tải lên của module"), max_length=50)
    is_home_module = models.BooleanField(
        _("là module trang chủ"),
        default=False,
        help_text=_(
            "Trang cũ cũng trả lời các địa chỉ không có tên module, ví dụ /thoi-su/."
        ),
    )
    multilingual = models.BooleanField(
        _("nhiều ngôn ngữ"),
        default=False,
        help_text=_("Địa chỉ cũ có mã ngôn ngữ ở đầu, ví dụ /vi/news/…"),
    )
    has_displaced_articles = models.BooleanField(
        _("có bài không giữ được mã cũ"),
        default=False,
        help_text=_(
            "Có bài viết mà mã cũ đã thuộc về một bài khác ở đây; các địa chỉ cũ "
            "của chúng được kiểm tra trước khi trang bài viết trả lời."
        ),
    )
    imported_at = models.DateTimeField(_("lần nhập gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("trang NukeViet cũ")
        verbose_name_plural = _("trang NukeViet cũ")
        constraints = [
            models.UniqueConstraint(
                fields=["database", "table_prefix", "language", "module_data"],
                name="legacy_one_site_per_module",
            ),
        ]

    def __str__(self):
        return f"{self.database} {self.table_prefix}_{self.language}_{self.module_data}"


class LegacyLinkQuerySet(models.QuerySet):
    def articles(self):
        return self.filter(kind=LegacyLink.Kind.ARTICLE)

    def categories(self):
        return self.filter(kind=LegacyLink.Kind.CATEGORY)


class LegacyLink(models.Model):
    """An old record (category, article, tag, topic or comment) and what it
    became here."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("Chuyên mục")
        ARTICLE = "article", _("Bài viết")
        TAG = "tag", _("Từ khóa")
        TOPIC = "topic", _("Dòng sự kiện")
        COMMENT = "comment", _("Bình luận")

    site = models.ForeignKey(
        LegacySite,
        verbose_name=_("trang cũ"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    old_id = models.PositiveBigIntegerField(_("mã cũ"))
    old_alias = models.CharField(
        _("liên kết tĩnh cũ"),
        max_length=250,
        blank=True,
        help_text=_("Phần chữ của địa chỉ cũ; từ khóa có thể giữ chữ tiếng Việt."),
    )
    old_path = models.CharField(
        _("địa chỉ cũ"),
        max_length=600,
        blank=True,
        help_text=_("Địa chỉ chính của bản ghi trên trang cũ."),
    )
    category = models.ForeignKey(
        "news.Category",
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("bài viết"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    tag = models.ForeignKey(
        "news.Tag",
        verbose_name=_("từ khóa"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    comment = models.ForeignKey(
        "comments.Comment",
        verbose_name=_("bình luận"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    fingerprint = models.CharField(
        _("dấu vân tay"),
        max_length=64,
        help_text=_("Mã băm của bản ghi cũ: lần nhập sau chỉ ghi lại khi nó đổi."),
    )
    data = models.JSONField(
        _("dữ liệu thêm"),
        default=dict,
        blank=True,
        help_text=_(
            "Những gì bản ghi cũ có mà ở đây chưa có chỗ: các chuyên mục khác của "
            "bài, tệp đính kèm đã chép."
        ),
    )
    synced_at = models.DateTimeField(_("lần ghi gần nhất"))

    objects = LegacyLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("liên kết cũ")
        verbose_name_plural = _("liên kết cũ")
        ordering = ["site", "kind", "old_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "old_id"], name="legacy_one_link_per_record"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="category", category__isnull=False)
                    | Q(kind="article", article__isnull=False)
                    | Q(kind__in=["tag", "topic"], tag__isnull=False)
                    | Q(kind="comment", comment__isnull=False)
                ),
                name="legacy_link_target_matches_kind",
            ),
        ]
        indexes = [
            models.Index(
                fields=["site", "kind", "old_alias"], name="legacy_link_alias_idx"
            ),
        ]

    def __str__(self):
        return self.old_path or f"{self.get_kind_display()} #{self.old_id}"

    @property
    def target(self):
        """What the old record became here."""
        return self.category or self.article or self.tag or self.comment
