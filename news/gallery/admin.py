from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from news.gallery.forms import AlbumAdminForm
from news.gallery.models import Album, Photo
from news.gallery.services import add_photos
from news.images import rendition_url


def thumbnail(photo):
    url = rendition_url(photo.image, "thumb") if photo and photo.image else ""
    if not url:
        return "—"
    return format_html(
        '<img class="admin-thumb" src="{}" alt="{}" width="120" height="80">',
        url,
        photo.caption,
    )


class PhotoInline(admin.TabularInline):
    model = Photo
    fields = ["preview", "caption", "order"]
    readonly_fields = ["preview"]
    extra = 0
    ordering = ["order", "id"]

    def has_add_permission(self, request, obj=None):
        # Photos come in through the album's upload field (services.add_photos),
        # which checks each picture, names it and makes its renditions.
        return False

    @admin.display(description=gettext_lazy("xem trước"))
    def preview(self, photo):
        return thumbnail(photo)


@admin.register(Album)
class AlbumAdmin(admin.ModelAdmin):
    form = AlbumAdminForm
    inlines = [PhotoInline]
    list_display = ["title", "date", "photo_count", "published", "order"]
    list_editable = ["published", "order"]
    list_filter = ["published", "date"]
    search_fields = ["title", "description"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "date"]}),
        (
            gettext_lazy("Hiển thị"),
            {"fields": ["cover", "published", "order"]},
        ),
        (gettext_lazy("Thêm ảnh"), {"fields": ["upload"]}),
    ]

    class Media:
        js = ["js/vi-slug.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing()

    @admin.display(description=gettext_lazy("số ảnh"), ordering="photo_count")
    def photo_count(self, album):
        return album.photo_count

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        cover = form.base_fields.get("cover")
        if cover is not None:
            # Only this album's photos may be its cover (none yet on the add page).
            cover.queryset = (
                obj.photos.all() if obj is not None else Photo.objects.none()
            )
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        files = form.cleaned_data.get("upload") or []
        if not files:
            return
        result = add_photos(album=form.instance, files=files)
        if result.added:
            self.message_user(
                request,
                ngettext(
                    "Đã thêm %(count)d ảnh vào album.",
                    "Đã thêm %(count)d ảnh vào album.",
                    len(result.added),
                )
                % {"count": len(result.added)},
                messages.SUCCESS,
            )
        for name, reason in result.rejected:
            self.message_user(
                request,
                _("Không thêm được tệp “%(name)s”: %(reason)s")
                % {"name": name, "reason": reason},
                messages.ERROR,
            )
