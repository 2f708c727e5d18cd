from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.images import validate_image_file
from news.text import slugify_vi
from portal.reverse import cached_reverse


class AlbumQuerySet(models.QuerySet):
    def published(self):
        """Albums readers may see."""
        return self.filter(published=True)

    def for_listing(self):
        """With the cover photo, the first photo's image and the number of photos."""
        first = Photo.objects.filter(album=OuterRef("pk")).order_by("order", "id")
        return (
            self.select_related("cover")
            .annotate(
                first_image=Subquery(first.values("image")[:1]),
                photo_count=models.Count("photos"),
            )
            .order_by(*Album._meta.ordering)
        )


class Album(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=200)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=200,
        blank=True,
        help_text=_("Phần địa chỉ của album; để trống sẽ tạo từ tiêu đề."),
    )
    description = models.TextField(
        _("mô tả"), blank=True, help_text=_("Văn bản thuần, hiện dưới tiêu đề.")
    )
    date = models.DateField(
        _("ngày"),
        default=timezone.localdate,
        help_text=_("Ngày của sự kiện trong ảnh; album mới hơn đứng trước."),
    )
    cover = models.ForeignKey(
        "Photo",
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Một ảnh của album; để trống thì dùng ảnh đầu tiên."),
    )
    published = models.BooleanField(
        _("hiển thị"),
        default=True,
        help_text=_("Bỏ chọn để ẩn album khỏi bạn đọc (trang album trả về 404)."),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"),
        default=0,
        help_text=_("Số nhỏ đứng trước; cùng số thì album có ngày mới hơn đứng trước."),
    )
    created = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated = models.DateTimeField(_("cập nhật"), auto_now=True)

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = _("album ảnh")
        verbose_name_plural = _("album ảnh")
        ordering = ["order", "-date", "-id"]
        indexes = [
            models.Index(
                fields=["published", "order", "-date"], name="gallery_album_list_idx"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify_vi(self.slug or self.title, max_length=200) or "album"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("gallery:album", slug=self.slug, pk=self.pk)

    def clean(self):
        if self.cover_id and self.cover.album_id != self.pk:
            raise ValidationError(
                {"cover": _("Ảnh bìa phải là một ảnh của chính album này.")},
                code="cover_other_album",
            )

    @property
    def cover_image(self):
        """The cover photo's image, else the first photo's (as an image field file)."""
        if self.cover_id and self.cover:
            return self.cover.image
        name = getattr(self, "first_image", None)
        if name is None:
            first = self.photos.first()
            return first.image if first else None
        field = Photo._meta.get_field("image")
        return field.attr_class(Photo(album=self), field, name) if name else None


class PhotoQuerySet(models.QuerySet):
    def visible(self):
        """Photos of published albums."""
        return self.filter(album__published=True)

    def recent(self):
        """Newest photos first, with their album."""
        return self.visible().select_related("album").order_by("-created", "-id")


class Photo(models.Model):
    album = models.ForeignKey(
        Album,
        verbose_name=_("album"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(
        _("ảnh"),
        upload_to="gallery/%Y/%m/",
        validators=[validate_image_file],
        help_text=_("JPEG, PNG, WebP hoặc GIF. Trang album dùng bản thu nhỏ."),
    )
    caption = models.CharField(
        _("chú thích"),
        max_length=300,
        blank=True,
        help_text=_("Hiện dưới ảnh và dùng làm văn bản thay thế."),
    )
    order = models.PositiveIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước trong album.")
    )
    created = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        ordering = ["order", "id"]
        indexes = [
            models.Index(fields=["-created", "-id"], name="gallery_photo_new_idx")
        ]

    def __str__(self):
        return self.caption or self.image.name.rsplit("/", 1)[-1]

    @property
    def alt_text(self):
        return self.caption or self.album.title
