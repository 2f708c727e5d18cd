"""Anti-spam shared by the forms readers send (comments, the contact form).

- A signed form stamp dates the form and names what it belongs to; a form sent
  too soon after the page opened, too late, or made for another page is refused.
  Its nonce lets a form sent twice be stored once.
- A honeypot field that people never see and bots fill in.
- Posting limits per hashed client IP, counted in the cache in fixed windows:
  ``cache.add`` creates a window's counter (a no-op if another request already
  did) and ``cache.incr`` is atomic in Redis and in the local-memory cache, so
  concurrent posts are each counted once.
- The hold policy: text with too many links or a banned word waits for a person.
"""

import math
import re
import secrets
import time
import unicodedata

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from portal.models import BannedWord

# http(s):// or www. up to the next space or angle bracket/quote.
URL_RE = re.compile(r"""(?:https?://|www\.)[^\s<>"']+""", re.IGNORECASE)

RESEND = _(
    "Biểu mẫu đã được làm mới và nội dung bạn nhập vẫn còn: vui lòng bấm gửi lần nữa."
)


def normalise(text):
    """NFC form with Unix line breaks: what is stored and compared."""
    return unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n")).replace(
        "\r", "\n"
    )


def sign_stamp(scope, *, salt, issued_at=None, nonce=None):
    """The signed hidden value that dates a form and names its ``scope`` (an
    article id, "contact"...). Its nonce identifies the form: sending one form
    twice stores one message."""
    return signing.dumps(
        {
            "a": scope,
            "t": int(time.time() if issued_at is None else issued_at),
            "n": nonce or secrets.token_urlsafe(16),
        },
        salt=salt,
    )


class StampedForm(forms.Form):
    """A form readers send: a signed stamp and a honeypot field.

    Subclasses set ``stamp_salt`` and ``stamp_scope`` and the two timing
    limits. After validation ``form_token`` holds the stamp's nonce, and
    ``renewed_stamp`` the stamp a refused form should carry when it comes back:
    the same one when it was valid or only sent too soon (it becomes valid by
    itself), otherwise a fresh one, so the reader can send again without
    reloading the page and retyping.
    """

    stamp_salt = None
    stamp_scope = None
    min_seconds = 3
    max_seconds = 2 * 3600

    # A field people never see and bots fill in.
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Checked in clean_stamp, where a missing stamp is as invalid as a forged one.
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_token = ""
        self._stamp_to_keep = None

    def fresh_stamp(self):
        return sign_stamp(self.stamp_scope, salt=self.stamp_salt)

    @property
    def renewed_stamp(self):
        return self._stamp_to_keep or self.fresh_stamp()

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Không gửi được. Ô cuối biểu mẫu phải để trống."), code="honeypot"
            )
        return ""

    def clean_stamp(self):
        value = self.cleaned_data["stamp"]
        try:
            data = signing.loads(value, salt=self.stamp_salt)
            scope, issued_at, nonce = data["a"], int(data["t"]), str(data["n"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("Biểu mẫu không hợp lệ. %(resend)s"),
                code="stamp_invalid",
                params={"resend": RESEND},
            ) from None
        if scope != self.stamp_scope:
            raise forms.ValidationError(
                _("Biểu mẫu không thuộc trang này. %(resend)s"),
                code="stamp_invalid",
                params={"resend": RESEND},
            )
        age = time.time() - issued_at
        if age < self.min_seconds:
            self._stamp_to_keep = value
            wait = max(1, math.ceil(self.min_seconds - age))
            raise forms.ValidationError(
                ngettext_lazy(
                    "Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng đợi "
                    "%(seconds)s giây rồi gửi lại; nội dung bạn nhập vẫn còn.",
                    "Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng đợi "
                    "%(seconds)s giây rồi gửi lại; nội dung bạn nhập vẫn còn.",
                    "seconds",
                ),
                code="too_fast",
                params={"seconds": wait},
            )
        if age > self.max_seconds:
            raise forms.ValidationError(
                _("Trang đã mở quá lâu nên biểu mẫu hết hạn. %(resend)s"),
                code="stamp_expired",
                params={"resend": RESEND},
            )
        self.form_token = nonce[:64]
        self._stamp_to_keep = value
        return value

    def form_errors(self):
        """Errors about the form as a whole (stamp, honeypot, non-field), which no
        visible field can show next to itself."""
        errors = list(self.non_field_errors())
        for name in ("stamp", "website"):
            errors.extend(self.errors.get(name, []))
        return errors


def parse_limits(value):
    """``[(count, seconds), ...]`` from ``"1/30,10/3600"`` (or such a list)."""
    if isinstance(value, str):
        value = [
            tuple(int(n) for n in part.split("/", 1))
            for part in value.split(",")
            if part.strip()
        ]
    return list(value)


def hit(scope, ip_hash, limits, *, now=None):
    """Count one post to ``scope`` from ``ip_hash``; the seconds to wait if it is
    over one of ``limits`` (see ``parse_limits``), else None."""
    now = time.time() if now is None else now
    for count, seconds in parse_limits(limits):
        window = int(now // seconds)
        key = f"{scope}:rate:{seconds}:{window}:{ip_hash}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds + 1)
            used = 1
        if used > count:
            return max(1, int((window + 1) * seconds - now))
    return None


def count_links(text):
    return len(URL_RE.findall(text or ""))


def banned_words_in(text, words):
    """The banned words or phrases that occur in ``text`` as whole words, any case.

    No diacritic folding: Vietnamese words differing only by tone are different
    words.
    """
    text = normalise(text).casefold()
    found = []
    for word in words:
        needle = normalise(word).casefold().strip()
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            found.append(word)
    return found


def hold_reasons(text, *, max_links):
    """Why ``text`` must wait for a person whatever the policy: ``{code: reason}``
    with ``links`` (more than ``max_links`` addresses) and ``words`` (a word from
    the banned list); empty if none."""
    reasons = {}
    links = count_links(text)
    if links > max_links:
        reasons["links"] = gettext("có %(count)d liên kết") % {"count": links}
    words = banned_words_in(text, BannedWord.objects.values_list("word", flat=True))
    if words:
        reasons["words"] = gettext("có từ cấm: %(words)s") % {"words": ", ".join(words)}
    return reasons
