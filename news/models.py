import re
import secrets
from pathlib import PurePosixPath

import reversion
from ckeditor_uploader.fields import RichTextUploadingField
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from news import documents, search
from news.images import validate_image_file
from news.sanitize import sanitize_html
from news.text import slugify_vi
from portal.pagecache import versioned_key
from portal.reverse import cached_reverse


class CategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def menu(self):
        """Active top-level categories with their active children, in menu order."""
        children = Category.objects.active().order_by("order", "name")
        return (
            self.active()
            .filter(parent__isnull=True)
            .order_by("order", "name")
            .prefetch_related(models.Prefetch("children", queryset=children))
        )


class Category(models.Model):
    name = models.CharField(_("tên"), max_length=150)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=160,
        unique=True,
        help_text=_("Phần địa chỉ của chuyên mục; để trống sẽ tạo từ tên."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chuyên mục cha"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Để trống cho chuyên mục cấp cao nhất."),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"),
        default=0,
        help_text=_("Số nhỏ đứng trước trong trình đơn."),
    )
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(
        _("đang hoạt động"),
        default=True,
        help_text=_("Chuyên mục tắt không hiện trong trình đơn và trả về 404."),
    )
    show_on_home = models.BooleanField(
        _("hiện trên trang chủ"),
        default=False,
        help_text=_("Trang chủ có một khối tin mới nhất của chuyên mục này."),
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="news_category_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = slugify_vi(self.slug or self.name, max_length=160)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("news:category", slug=self.slug)

    def ancestors(self):
        """This category's parents, root first (walks at most a few levels)."""
        chain, node = [], self.parent
        while node is not None and len(chain) < 10:
            chain.insert(0, node)
            node = node.parent
        return chain

    def descendant_ids(self):
        """Ids of this category and every active category below it (the tree is
        read once, and kept until a category changes)."""
        children = active_children()
        found, queue = [self.pk], [self.pk]
        while queue:
            queue.extend(kids := children.get(queue.pop(), []))
            found.extend(kids)
        return found


def active_children():
    """``{parent id: [child ids]}`` of the active categories, from the cache."""
    key = versioned_key("news:category-tree", ("menu",))
    children = cache.get(key)
    if children is None:
        children = {}
        for pk, parent_id in Category.objects.active().values_list("id", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        cache.set(key, children, 300)
    return children


class Tag(TagBase):
    """A keyword (``Từ khóa``) whose slug is transliterated like every other slug."""

    class Meta:
        verbose_name = _("từ khóa")
        verbose_name_plural = _("từ khóa")

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "tu-khoa"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return cached_reverse("news:tag", slug=self.slug)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="tagged_articles"
    )

    class Meta:
        verbose_name = _("từ khóa của bài")
        verbose_name_plural = _("từ khóa của bài")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="news_one_tag_per_article"
            ),
        ]


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """What readers may see at ``at`` (now by default): published, due and
        not yet taken down.

        Scheduling and taking down are decided here at query time, so no job has
        to run for an article to appear or disappear, and nothing is deleted.
        """
        at = at or timezone.now()
        return self.filter(
            Q(take_down_at__isnull=True) | Q(take_down_at__gt=at),
            status=Article.Status.PUBLISHED,
            publish_at__lte=at,
            category__is_active=True,
        )

    def in_state(self, state, at=None):
        """Articles whose state in words (``Article.State``) is ``state`` at ``at``.

        Scheduled and taken-down articles are published rows whose times say
        otherwise, so the state is decided here, like ``published()``.
        """
        at = at or timezone.now()
        status = Article.Status
        taken_down = Q(take_down_at__isnull=False, take_down_at__lte=at)
        published = Q(status=status.PUBLISHED)
        return self.filter(
            {
                Article.State.DRAFT: Q(status=status.DRAFT),
                Article.State.REVIEW: Q(status=status.REVIEW),
                Article.State.SCHEDULED: published & Q(publish_at__gt=at) & ~taken_down,
                Article.State.PUBLISHED: published
                & Q(publish_at__lte=at)
                & ~taken_down,
                Article.State.UNPUBLISHED: Q(status=status.UNPUBLISHED)
                | (published & taken_down),
            }[state]
        )

    def waiting_for_review(self):
        """Articles submitted by their writers and not yet published."""
        return self.filter(status=Article.Status.REVIEW)

    def for_listing(self):
        """Only what list pages show, with the category joined in."""
        return self.select_related("category").only(
            "id",
            "title",
            "slug",
            "summary",
            "image",
            "image_caption",
            "image_alt",
            "publish_at",
            "featured",
            "category__id",
            "category__slug",
            "category__name",
        )

    def search(self, query):
        """Articles matching every word of ``query``, diacritics and case aside, best first.

        The title weighs most, then summary and tags, then the body (see news.search).
        """
        wanted = search.search_query(query)
        return (
            self.filter(search_vector=wanted)
            .annotate(
                rank=SearchRank(
                    models.F("search_vector"), wanted, weights=search.RANK_WEIGHTS
                )
            )
            .order_by("-rank", "-publish_at", "-id")
        )

    def keyed(self, operator, publish_at, pk):
        """Articles whose key ``(publish_at, id)`` compares to ``(publish_at, pk)``
        by ``operator`` (``<``, ``<=``, ``>``, ``>=``), as one row comparison:
        PostgreSQL reads it as a bound of its ``(…, publish_at, id)`` indexes and
        starts there, where the same test written as ``publish_at < x OR
        (publish_at = x AND id < y)`` made it walk and filter every newer row
        (page 500 of a 14,000-article category: 185 ms against 0.9 ms)."""
        if operator not in ("<", "<=", ">", ">="):
            raise ValueError(f"not a comparison: {operator!r}")
        table = connection.ops.quote_name(self.model._meta.db_table)
        return self.filter(
            RawSQL(
                f'({table}."publish_at", {table}."id") {operator} (%s, %s)',
                (publish_at, pk),
                output_field=models.BooleanField(),
            )
        )

    def newer_than(self, article):
        """Articles after ``article`` in (publish_at, id) order, nearest first."""
        return self.keyed(">", article.publish_at, article.id).order_by(
            "publish_at", "id"
        )

    def older_than(self, article):
        """Articles before ``article`` in (publish_at, id) order, nearest first."""
        return self.keyed("<", article.publish_at, article.id).order_by(
            "-publish_at", "-id"
        )


SEARCHED_FIELDS = {"title", "summary", "body"}


class Article(models.Model):
    class Status(models.TextChoices):
        """What the newsroom decided; ``State`` adds what the clock decides."""

        DRAFT = "draft", _("Nháp")
        REVIEW = "review", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã xuất bản")
        UNPUBLISHED = "unpublished", _("Đã gỡ")

    class State(models.TextChoices):
        """The article's state in words: its status read against the clock."""

        DRAFT = "draft", _("Nháp")
        REVIEW = "review", _("Chờ duyệt")
        SCHEDULED = "scheduled", _("Đã lên lịch")
        PUBLISHED = "published", _("Đã xuất bản")
        UNPUBLISHED = "unpublished", _("Đã gỡ")

    # Reporters may still change their own articles in these statuses.
    WRITER_STATUSES = (Status.DRAFT, Status.REVIEW)

    title = models.CharField(_("tiêu đề"), max_length=300)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=200,
        blank=True,
        help_text=_(
            "Phần chữ của địa chỉ bài viết; để trống sẽ tạo từ tiêu đề. Đổi đường "
            "dẫn không làm hỏng liên kết cũ."
        ),
    )
    summary = models.TextField(
        _("tóm tắt"),
        blank=True,
        help_text=_("Đoạn mở đầu, hiện in đậm và trong danh sách tin."),
    )
    body = RichTextUploadingField(_("nội dung"), blank=True)
    image = models.ImageField(
        _("ảnh đại diện"),
        upload_to="articles/%Y/%m/",
        blank=True,
        validators=[validate_image_file],
        help_text=_("JPEG, PNG, WebP hoặc GIF. Trang danh sách dùng bản thu nhỏ."),
    )
    image_caption = models.CharField(
        _("chú thích ảnh"),
        max_length=300,
        blank=True,
        help_text=_(
            "Hiện dưới ảnh; cũng dùng làm văn bản thay thế nếu để trống ô dưới."
        ),
    )
    image_alt = models.CharField(
        _("văn bản thay thế"),
        max_length=300,
        blank=True,
        help_text=_("Mô tả ảnh cho người khiếm thị."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("chuyên mục"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    source = models.CharField(
        _("nguồn tin"),
        max_length=200,
        blank=True,
        help_text=_("Hiện sau 'Nguồn tin:'."),
    )
    source_url = models.URLField(
        _("địa chỉ nguồn tin"),
        max_length=500,
        blank=True,
        help_text=_("Nếu có, tên nguồn tin thành liên kết tới địa chỉ này."),
    )
    author = models.CharField(_("tác giả"), max_length=150, blank=True)
    external_url = models.URLField(
        _("liên kết ngoài"),
        max_length=500,
        blank=True,
        help_text=_(
            "Nếu có, bài chỉ là liên kết: bạn đọc mở bài sẽ được chuyển tới địa "
            "chỉ này."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa cuối"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    tags = TaggableManager(
        _("từ khóa"),
        through=TaggedArticle,
        blank=True,
        help_text=_(
            "Cách nhau bằng dấu phẩy; một từ khóa có thể gồm nhiều chữ, ví dụ: "
            "Mặt trận Tổ quốc, cuộc vận động."
        ),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    publish_at = models.DateTimeField(
        _("thời gian đăng"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "Bạn đọc thấy bài từ thời điểm này; thời điểm trong tương lai là hẹn giờ đăng."
        ),
    )
    take_down_at = models.DateTimeField(
        _("thời gian gỡ"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Nếu có, bạn đọc không thấy bài từ thời điểm này; bài vẫn được giữ lại, "
            "không bị xóa."
        ),
    )
    featured = models.BooleanField(
        _("tin nổi bật"),
        default=False,
        help_text=_("Hiện trong khối Tin nổi bật."),
    )
    allow_comments = models.BooleanField(_("cho phép bình luận"), default=True)
    allow_ratings = models.BooleanField(_("cho phép đánh giá"), default=True)
    created = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated = models.DateTimeField(_("ngày sửa"), auto_now=True)
    # Folded title, summary, tags and body (news.search); kept up to date by save()
    # and by tag changes (news.signals).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-publish_at", "-id"]
        permissions = [("publish_article", _("Có thể xuất bản bài viết"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(take_down_at__isnull=True)
                | Q(take_down_at__gt=models.F("publish_at")),
                name="news_article_take_down_after_publish",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "publish_at", "id"], name="news_article_pub_idx"
            ),
            models.Index(
                fields=["category", "status", "publish_at", "id"],
                name="news_article_cat_pub_idx",
            ),
            GinIndex(fields=["search_vector"], name="news_article_search_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify_vi(self.slug or self.title, max_length=200) or "bai-viet"
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS.intersection(update_fields):
            search.update_search_vectors([self.pk])

    def get_absolute_url(self):
        return cached_reverse(
            "news:article", category=self.category.slug, slug=self.slug, pk=self.pk
        )

    @property
    def image_alt_text(self):
        return self.image_alt or self.image_caption or self.title

    @property
    def is_scheduled(self):
        return self.state() == self.State.SCHEDULED

    def state(self, at=None):
        """This article's ``State`` at ``at`` (now by default), as ``in_state``."""
        at = at or timezone.now()
        if self.status != self.Status.PUBLISHED:
            return self.State(self.status)
        if self.take_down_at is not None and self.take_down_at <= at:
            return self.State.UNPUBLISHED
        if self.publish_at > at:
            return self.State.SCHEDULED
        return self.State.PUBLISHED

    def may_be_changed_by(self, user):
        """Whether ``user`` may edit this article: editors any, writers their own
        until it is published."""
        if user.has_perm("news.publish_article"):
            return user.has_perm("news.change_article")
        return (
            user.has_perm("news.change_article")
            and self.created_by_id == user.pk
            and self.status in self.WRITER_STATUSES
        )

    def is_visible_to_readers(self, at=None):
        """As ``Article.objects.published()``, read from this loaded row (load its
        category with it) instead of asking the database again."""
        return self.state(at) == self.State.PUBLISHED and self.category.is_active


def attachment_path(attachment, filename):
    """Where an attachment is stored: a generated name under ``attachments/``,
    never the uploaded one (no path tricks), with the extension of the kind found
    in the content and a random part, so that names cannot be guessed."""
    stem = slugify_vi(PurePosixPath(filename.replace("\\", "/")).stem)[:60]
    extension = documents.KINDS.get(attachment.kind, ("", "bin"))[1]
    month = timezone.localdate().strftime("%Y/%m")
    return (
        f"attachments/{month}/{stem or 'tai-lieu'}-{secrets.token_hex(6)}.{extension}"
    )


def printable_title(text):
    """``text`` on one line without control characters (a file's name may hold
    any), at most 255 characters; "Tài liệu" if nothing is left."""
    text = "".join(ch if ch.isprintable() else " " for ch in text or "")
    return " ".join(text.split())[:255] or str(_("Tài liệu"))


class Attachment(models.Model):
    """A document published with an article (a decision, a plan, a report)."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOC = "doc", "Word (DOC)"
        DOCX = "docx", "Word (DOCX)"
        XLS = "xls", "Excel (XLS)"
        XLSX = "xlsx", "Excel (XLSX)"
        ODT = "odt", "OpenDocument (ODT)"
        ODS = "ods", "OpenDocument (ODS)"
        ZIP = "zip", "ZIP"

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("tệp"),
        upload_to=attachment_path,
        max_length=255,
        help_text=_(
            "PDF, Word, Excel, OpenDocument hoặc ZIP; loại tệp được kiểm tra theo "
            "nội dung."
        ),
    )
    title = models.CharField(
        _("tên hiển thị"),
        max_length=255,
        blank=True,
        help_text=_(
            "Bạn đọc thấy tên này và tải tệp về với tên này; để trống sẽ lấy tên tệp."
        ),
    )
    kind = models.CharField(
        _("loại tệp"), max_length=10, choices=Kind.choices, editable=False
    )
    size = models.PositiveBigIntegerField(
        _("dung lượng (byte)"), default=0, editable=False
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước dưới bài viết.")
    )
    created = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu đính kèm")
        verbose_name_plural = _("tài liệu đính kèm")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=list(documents.KINDS)),
                name="news_attachment_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # No file is stored unchecked, even when the caller skipped full_clean().
        if self.file and not self.file._committed:
            self.identify()
        self.title = printable_title(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("news:attachment", pk=self.pk)

    def clean(self):
        if self.file and not self.file._committed:
            try:
                self.identify()
            except ValidationError as error:
                raise ValidationError({"file": [error]}) from error

    def identify(self):
        """Read the new file's kind from its content (raises ValidationError),
        its size, and the title from its name when none is given."""
        self.kind = documents.identify_document(self.file)
        self.size = self.file.size
        if not self.title.strip():
            self.title = PurePosixPath(self.file.name.replace("\\", "/")).stem
        self.title = printable_title(self.title)

    def preview_url(self):
        return cached_reverse("news:attachment-preview", pk=self.pk)

    @property
    def content_type(self):
        return documents.KINDS[self.kind][2]

    @property
    def download_name(self):
        """The title as a file name, with the kind's extension."""
        name = " ".join(re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', " ", self.title).split())
        name = name.strip(" .")
        extension = documents.KINDS[self.kind][1]
        return f"{name[:150] or 'tai-lieu'}.{extension}"

    @property
    def is_pdf(self):
        return self.kind == self.Kind.PDF


# Revisions (django-reversion): an article's version carries its tag links, so
# restoring it brings its tags back. Tags themselves are not followed: restoring
# would otherwise delete a tag added later, from every article that uses it.
reversion.register(TaggedArticle)
reversion.register(Article, follow=["tagged_items"])
