from django import forms
from django.utils.translation import gettext_lazy as _

from news import search
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


class SearchForm(forms.Form):
    """The reader's search box: 2 to 200 characters with at least one letter or digit."""

    q = forms.CharField(
        label=_("Từ khóa tìm kiếm"),
        min_length=2,
        max_length=200,
        error_messages={
            "required": _("Hãy nhập từ khóa cần tìm."),
            "min_length": _("Từ khóa tìm kiếm cần ít nhất %(limit_value)d ký tự."),
            "max_length": _(
                "Từ khóa tìm kiếm dài quá %(limit_value)d ký tự; hãy rút gọn."
            ),
            "null_characters_not_allowed": _("Từ khóa chứa ký tự không hợp lệ."),
        },
    )

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if not search.query_terms(query):
            raise forms.ValidationError(
                _("Từ khóa cần có chữ hoặc số."), code="no_words"
            )
        return query
