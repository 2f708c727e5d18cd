from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST = date(2000, 1, 1)
MAX_DAYS = 3660


class RangeForm(forms.Form):
    """The dashboard's period: the last 7, 30, 90 or 365 days, or two dates."""

    PERIODS = [
        ("7", _("7 ngày")),
        ("30", _("30 ngày")),
        ("90", _("90 ngày")),
        ("365", _("365 ngày")),
        ("custom", _("Tùy chọn")),
    ]

    range = forms.ChoiceField(
        label=_("Khoảng thời gian"), choices=PERIODS, required=False
    )
    start = forms.DateField(label=_("Từ ngày"), required=False)
    end = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, data=None, *, default="30", **kwargs):
        self.default = default
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        period = cleaned.get("range") or ""
        start, end = cleaned.get("start"), cleaned.get("end")
        if self.errors:
            return cleaned
        if period == "custom" or (not period and (start or end)):
            if not (start and end):
                raise forms.ValidationError(
                    _("Hãy chọn cả ngày bắt đầu và ngày kết thúc."), code="incomplete"
                )
        else:
            days = int(period or self.default)
            start, end = today - timedelta(days=days - 1), today
        if start > end:
            raise forms.ValidationError(
                _("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."), code="order"
            )
        if start < EARLIEST or end > today + timedelta(days=1):
            raise forms.ValidationError(
                _("Ngày phải từ 01/01/2000 đến hôm nay."), code="out_of_range"
            )
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(
                _("Khoảng thời gian dài nhất là %(days)s ngày."),
                code="too_long",
                params={"days": MAX_DAYS},
            )
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def error_text(self):
        """Every error in one line, each after the label of its field."""
        parts = []
        for name, messages in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            text = " ".join(str(message) for message in messages)
            parts.append(f"{label}: {text}" if label else text)
        return " ".join(parts)
