from ckeditor_uploader.fields import RichTextUploadingFormField
from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from news import search
from news.models import Article, Tag
from news.revisions import article_values, changed_fields, display, opened_version
from news.sanitize import comparable_html, sanitize_html
from news.text import slugify_vi


def edit_token(article):
    """What the form remembers of the row it was opened on: its last save time."""
    return article.updated.isoformat() if article.updated else ""


class ArticleBodyField(RichTextUploadingFormField):
    """The body as CKEditor edits it: changed only if the text, once sanitised,
    differs from the stored one, not because CKEditor rewrote entities or line
    breaks (otherwise every save would record a change of the body)."""

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return comparable_html(initial) != comparable_html(data)


class ArticleAdminForm(forms.ModelForm):
    # Refuses a save over someone else's newer save (see check_not_changed_since).
    edit_token = forms.CharField(
        label=_("phiên bản đang sửa"), widget=forms.HiddenInput, required=False
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)
        field_classes = {"body": ArticleBodyField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "edit_token" in self.fields:
            self.fields["edit_token"].initial = edit_token(self.instance)
        if "tags" in self.fields:
            # A wide field that suggests existing tags (static/js/tag-suggest.js).
            self.fields["tags"].widget.attrs.update(
                {
                    "class": "vTextField tag-input",
                    "data-suggest-url": reverse("admin:news_article_tag_suggestions"),
                }
            )

    def clean_tags(self):
        names = self.cleaned_data.get("tags") or []
        limit = Tag._meta.get_field("name").max_length
        too_long = [name for name in names if len(name) > limit]
        if too_long:
            raise forms.ValidationError(
                _("Từ khóa dài quá %(limit)d ký tự: %(name)s"),
                code="tag_too_long",
                params={"limit": limit, "name": Truncator(too_long[0]).chars(40)},
            )
        return names

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        if "body" not in self.changed_data:
            # Keep the stored text as it is rather than CKEditor's rewrite of it.
            return self.instance.body if self.instance.pk else body
        return body

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
        publish_at, take_down_at = (
            cleaned.get("publish_at"),
            cleaned.get("take_down_at"),
        )
        if publish_at and take_down_at and take_down_at <= publish_at:
            self.add_error(
                "take_down_at",
                forms.ValidationError(
                    _("Thời gian gỡ phải sau thời gian đăng."), code="take_down_order"
                ),
            )
        if "edit_token" in self.fields and self.instance.pk is not None:
            self.check_not_changed_since(cleaned.get("edit_token", ""))
        return cleaned

    def check_not_changed_since(self, token):
        """Refuse the save if the row was saved after this form was opened.

        The row is locked until the admin's transaction ends, so no save can slip in
        between this check and the write. The editor is told who saved, when, and
        which fields changed; saving again on purpose overwrites.
        """
        rows = Article.objects.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update()
        current = rows.first()
        if current is None or edit_token(current) == token:
            return
        now = article_values(current)
        opened = opened_version(current, token)
        who = (
            current.updated_by.get_username() if current.updated_by else _("người khác")
        )
        when = timezone.localtime(current.updated).strftime("%d/%m/%Y %H:%M:%S")
        if opened is not None:
            changed = changed_fields(opened, now)
            message = _(
                "Bài viết đã được %(user)s lưu lúc %(time)s, sau khi bạn mở trang "
                "này. Những mục họ đã thay đổi: %(fields)s. Thay đổi của bạn chưa "
                "được lưu; bấm Lưu lần nữa nếu vẫn muốn ghi đè bản của họ."
            )
        else:
            # No stored version of the row as it was opened: show where the saved
            # article differs from what this form sends.
            changed = changed_fields(self.submitted_values(), now)
            message = _(
                "Bài viết đã được %(user)s lưu lúc %(time)s, sau khi bạn mở trang "
                "này. Những mục khác giữa bản đã lưu và bản của bạn: %(fields)s. "
                "Thay đổi của bạn chưa được lưu; bấm Lưu lần nữa nếu vẫn muốn ghi "
                "đè bản đã lưu."
            )
        names = ", ".join(str(self.label_for(name)) for name in changed) or "—"
        self.add_error(
            None,
            forms.ValidationError(
                message,
                code="edit_conflict",
                params={"user": who, "time": when, "fields": names},
            ),
        )
        for name in changed:
            if name in self.fields and name != "body":
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("Người khác đã sửa mục này thành: %(value)s"),
                        code="edit_conflict",
                        params={
                            "value": Truncator(display(name, now[name])).chars(120)
                        },
                    ),
                )
        # Saving again on purpose (after reading the above) overwrites.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_token")] = edit_token(current)

    def submitted_values(self):
        values = {}
        for name, value in self.cleaned_data.items():
            if name == "tags":
                values[name] = set(value)
            elif name == "category":
                values[name] = value.pk if value else None
            elif name in ("image", "edit_token", "slug"):
                continue
            elif name == "body":
                values[name] = sanitize_html(value)
            else:
                values[name] = value
        return values

    def label_for(self, name):
        if name in self.fields:
            return self.fields[name].label
        return Article._meta.get_field(name).verbose_name


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
