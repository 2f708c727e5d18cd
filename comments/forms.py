from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, Comment
from portal import antispam, pagecache
from portal.antispam import normalise

STAMP_SALT = "comments.form-stamp"


def sign_stamp(article_id, *, issued_at=None, nonce=None):
    """The signed hidden value that dates a comment form and names its article.

    Its nonce becomes the comment's ``form_token``: sending one form twice
    stores one comment.
    """
    return antispam.sign_stamp(
        article_id, salt=STAMP_SALT, issued_at=issued_at, nonce=nonce
    )


@pagecache.hole_filler("comment_stamp")
def _stamp_hole(request, article_id):
    # Each reader of a kept article page gets a stamp of their own, dated now.
    return sign_stamp(int(article_id))


class CommentForm(antispam.StampedForm):
    stamp_salt = STAMP_SALT
    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": _("Vui lòng nhập họ và tên."),
            "max_length": _("Họ và tên dài tối đa %(limit_value)d ký tự."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Không hiện công khai."),
        error_messages={
            "required": _("Vui lòng nhập email."),
            "invalid": _("Địa chỉ email không hợp lệ."),
            "max_length": _("Địa chỉ email không hợp lệ."),
        },
    )
    text = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX_LENGTH}),
        # The length is checked after line breaks are normalised (clean_text).
        max_length=TEXT_MAX_LENGTH * 2,
        error_messages={
            "required": _("Vui lòng nhập nội dung bình luận."),
            "max_length": _("Nội dung dài tối đa 3000 ký tự."),
        },
    )
    notify_replies = forms.BooleanField(
        label=_("Gửi email cho tôi khi có người trả lời"), required=False
    )
    as_official = forms.BooleanField(
        label=_("Trả lời với tư cách Ban biên tập"), required=False
    )
    parent = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        min_value=1,
        max_value=2**63 - 1,
        error_messages={"invalid": _("Bình luận được trả lời không hợp lệ.")},
    )

    def __init__(self, *args, article, user=None, **kwargs):
        self.article = article
        self.user = user
        self.stamp_scope = article.pk
        self.min_seconds = settings.COMMENTS_MIN_FORM_SECONDS
        self.max_seconds = settings.COMMENTS_MAX_FORM_SECONDS
        super().__init__(*args, **kwargs)
        if not self.may_reply_officially:
            del self.fields["as_official"]

    @property
    def may_reply_officially(self):
        user = self.user
        return bool(
            user
            and user.is_active
            and user.is_staff
            and user.has_perm("comments.reply_officially")
        )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_text(self):
        text = normalise(self.cleaned_data["text"]).strip()
        if not text:
            raise forms.ValidationError(
                _("Vui lòng nhập nội dung bình luận."), code="required"
            )
        if len(text) > TEXT_MAX_LENGTH:
            raise forms.ValidationError(
                ngettext(
                    "Nội dung dài tối đa %(limit)d ký tự (bạn đã nhập %(count)d ký tự).",
                    "Nội dung dài tối đa %(limit)d ký tự (bạn đã nhập %(count)d ký tự).",
                    len(text),
                ),
                code="max_length",
                params={"limit": TEXT_MAX_LENGTH, "count": len(text)},
            )
        return text

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = (
            Comment.objects.visible()
            .filter(pk=parent_id, article=self.article)
            .only(
                "id",
                "parent_id",
                "article_id",
                "name",
                "email",
                "state",
                "notify_replies",
            )
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _(
                    "Bình luận bạn muốn trả lời không còn hiển thị hoặc không thuộc "
                    "bài viết này."
                ),
                code="bad_parent",
            )
        return parent
