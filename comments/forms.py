import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, Comment
from comments.text import normalise
from portal import pagecache

STAMP_SALT = "comments.form-stamp"
RELOAD = _("Vui lòng tải lại trang rồi gửi lại bình luận.")


def sign_stamp(article_id, *, issued_at=None, nonce=None):
    """The signed hidden value that dates a comment form and names its article.

    Its nonce becomes the comment's ``form_token``: sending one form twice
    stores one comment.
    """
    return signing.dumps(
        {
            "a": article_id,
            "t": int(time.time() if issued_at is None else issued_at),
            "n": nonce or secrets.token_urlsafe(16),
        },
        salt=STAMP_SALT,
    )


@pagecache.hole_filler("comment_stamp")
def _stamp_hole(request, article_id):
    # Each reader of a kept article page gets a stamp of their own, dated now.
    return sign_stamp(int(article_id))


class CommentForm(forms.Form):
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
    # A field people never see and bots fill in.
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    stamp = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": RELOAD},
    )

    def __init__(self, *args, article, user=None, **kwargs):
        self.article = article
        self.user = user
        super().__init__(*args, **kwargs)
        if not self.may_reply_officially:
            del self.fields["as_official"]
        self.form_token = ""

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

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Không gửi được bình luận. Ô cuối biểu mẫu phải để trống."),
                code="honeypot",
            )
        return ""

    def clean_stamp(self):
        try:
            data = signing.loads(self.cleaned_data["stamp"], salt=STAMP_SALT)
            article_id, issued_at, nonce = data["a"], int(data["t"]), str(data["n"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("Biểu mẫu không hợp lệ. %(reload)s"),
                code="stamp_invalid",
                params={"reload": RELOAD},
            ) from None
        if article_id != self.article.pk:
            raise forms.ValidationError(
                _("Biểu mẫu không thuộc bài viết này. %(reload)s"),
                code="stamp_invalid",
                params={"reload": RELOAD},
            )
        age = time.time() - issued_at
        if age < settings.COMMENTS_MIN_FORM_SECONDS:
            raise forms.ValidationError(
                _("Bình luận được gửi quá nhanh sau khi mở trang. %(reload)s"),
                code="too_fast",
                params={"reload": RELOAD},
            )
        if age > settings.COMMENTS_MAX_FORM_SECONDS:
            raise forms.ValidationError(
                _("Trang đã mở quá lâu, biểu mẫu hết hạn. %(reload)s"),
                code="stamp_expired",
                params={"reload": RELOAD},
            )
        self.form_token = nonce[:64]
        return self.cleaned_data["stamp"]

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
