from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import Article

TEXT_MAX_LENGTH = 3000
NAME_MAX_LENGTH = 80


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What readers see: approved comments in an approved thread. Waiting,
        spam and removed comments (and the replies under a hidden one) are kept
        but are out of every list and count."""
        return self.filter(
            Q(parent__isnull=True) | Q(parent__state=Comment.State.APPROVED),
            state=Comment.State.APPROVED,
        )

    def on_published_articles(self):
        return self.filter(article__in=Article.objects.published())

    def visible_counts(self, article_ids):
        """``{article_id: visible comment count}`` for ``article_ids`` in one
        query; articles without comments count 0."""
        article_ids = list(article_ids)
        counts = dict.fromkeys(article_ids, 0)
        if article_ids:
            rows = (
                self.visible()
                .filter(article_id__in=article_ids)
                .order_by()
                .values_list("article_id")
                .annotate(n=Count("id"))
            )
            counts.update(rows)
        return counts

    def newest(self, count):
        """The newest visible comments on published articles, article joined in."""
        return (
            self.visible()
            .on_published_articles()
            .select_related("article__category")
            .only(
                "id",
                "name",
                "text",
                "created",
                "is_official",
                "article__id",
                "article__title",
                "article__slug",
                "article__category__slug",
            )
            .order_by("-created", "-id")[:count]
        )

    def threads(self, article):
        """Visible top-level comments of ``article``, oldest first."""
        return (
            self.visible()
            .filter(article=article, parent__isnull=True)
            .order_by("created", "id")
        )


class Comment(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        SPAM = "spam", _("Thư rác")
        REMOVED = "removed", _("Đã gỡ")

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc bình luận"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text=_("Bình luận gốc của luồng; trả lời hiện ngay dưới nó."),
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bình luận được trả lời; tên người viết hiện trước nội dung."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("họ và tên"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("email"),
        help_text=_("Chỉ người kiểm duyệt thấy; không bao giờ hiện công khai."),
    )
    text = models.TextField(
        _("nội dung"),
        help_text=_("Văn bản thuần; mã HTML hiện nguyên dạng chữ."),
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=State.choices,
        default=State.WAITING,
        help_text=_("Bạn đọc chỉ thấy bình luận đã duyệt."),
    )
    is_official = models.BooleanField(
        _("Ban biên tập"),
        default=False,
        help_text=_("Trả lời nhân danh cơ quan, hiện với nhãn 'Ban biên tập'."),
    )
    notify_replies = models.BooleanField(
        _("báo khi có trả lời"),
        default=False,
        help_text=_("Người viết nhận email khi có người trả lời bình luận này."),
    )
    held_reason = models.CharField(
        _("lý do giữ lại"),
        max_length=200,
        blank=True,
        help_text=_("Vì sao bình luận phải chờ duyệt dù không bật kiểm duyệt."),
    )
    ip_hash = models.CharField(
        _("mã địa chỉ IP"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Băm có muối của địa chỉ IP; địa chỉ thật không được lưu."),
    )
    form_token = models.CharField(
        _("mã biểu mẫu"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Một lần gửi biểu mẫu chỉ tạo một bình luận."),
    )
    created = models.DateTimeField(_("thời gian gửi"), default=timezone.now)
    moderated_at = models.DateTimeField(
        _("thời gian kiểm duyệt"), null=True, blank=True, editable=False
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người kiểm duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["-created", "-id"]
        permissions = [
            ("reply_officially", _("Có thể trả lời với tư cách Ban biên tập")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["waiting", "approved", "spam", "removed"]),
                name="comments_comment_state_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), TEXT_MAX_LENGTH),
                name="comments_comment_text_max_length",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="comments_comment_not_own_parent",
            ),
            models.CheckConstraint(
                condition=Q(reply_to__isnull=True) | Q(parent__isnull=False),
                name="comments_comment_reply_has_thread",
            ),
            models.UniqueConstraint(
                fields=["form_token"],
                condition=~Q(form_token=""),
                name="comments_one_comment_per_form",
            ),
        ]
        indexes = [
            models.Index(
                fields=["article", "state", "parent", "created"],
                name="comments_article_visible_idx",
            ),
            models.Index(
                fields=["state", "created"], name="comments_state_created_idx"
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    def get_absolute_url(self):
        """A short link that redirects to the comment on its article's right page."""
        return reverse("comments:comment", kwargs={"pk": self.pk})

    @property
    def is_visible(self):
        return self.state == self.State.APPROVED


def with_visible_comment_count(articles):
    """``articles`` (an Article queryset) annotated with ``visible_comment_count``,
    a correlated subquery: no join, so other annotations are not multiplied."""
    visible = (
        Comment.objects.visible()
        .filter(article=models.OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return articles.annotate(
        visible_comment_count=Coalesce(
            models.Subquery(visible, output_field=models.IntegerField()),
            models.Value(0),
        )
    )
