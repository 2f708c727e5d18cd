from django import forms
from django.utils.translation import gettext_lazy as _

from news.gallery.models import Album


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (a list, maybe empty)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        # No per-file validation here: see AlbumAdminForm.upload.
        if isinstance(data, list | tuple):
            return [item for item in data if item]
        return [data] if data else []


class AlbumAdminForm(forms.ModelForm):
    # Each file is checked by news.gallery.services.add_photos, so that one bad file
    # is reported by name and does not block the others.
    upload = MultipleFileField(
        label=_("Tải lên nhiều ảnh"),
        required=False,
        help_text=_(
            "Chọn một lúc nhiều ảnh (JPEG, PNG, WebP, GIF; tối đa 100 tệp một lần). "
            "Ảnh được thêm vào cuối album; tệp không phải ảnh được báo tên và bỏ qua."
        ),
    )

    class Meta:
        model = Album
        fields = ["title", "slug", "description", "date", "cover", "published", "order"]
