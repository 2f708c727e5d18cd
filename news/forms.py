from django import forms
from django.utils.translation import gettext_lazy as _

from news.models import Article
from news.text import slugify_vi


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        title = self.data.get("title", "")
        return slugify_vi(slug or title, max_length=200)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source_url") and not cleaned.get("source"):
            self.add_error(
                "source",
                forms.ValidationError(
                    _("Hãy nhập tên nguồn tin khi có địa chỉ nguồn tin."),
                    code="source_name",
                ),
            )
        return cleaned
