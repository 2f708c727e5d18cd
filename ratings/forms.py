from django import forms
from django.utils.translation import gettext_lazy as _

from ratings.models import MAX_SCORE, MIN_SCORE

SCORE_MESSAGE = _("Hãy chọn từ 1 đến 5 sao.")


class VoteForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Số sao"),
        choices=[(n, n) for n in range(MIN_SCORE, MAX_SCORE + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bạn chưa chọn số sao."),
            "invalid_choice": SCORE_MESSAGE,
        },
    )
