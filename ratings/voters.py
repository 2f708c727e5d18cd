"""Who is voting: an account, or a guest known by a random id in a signed cookie."""

import re
import uuid
from dataclasses import dataclass

from django.conf import settings

from ratings.models import GUEST_PREFIX, MEMBER_PREFIX

COOKIE_NAME = "ratings_voter"
COOKIE_SALT = "ratings.voter"
_GUEST_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Voter:
    key: str
    user: object = None
    new_guest_id: str | None = None


def current_voter(request, *, create=False):
    """The reader behind ``request``, or ``None`` for a guest without a voter cookie
    (unless ``create``, which makes a new guest id to be sent with ``remember``)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Voter(key=f"{MEMBER_PREFIX}{user.pk}", user=user)
    guest_id = request.get_signed_cookie(
        COOKIE_NAME,
        default=None,
        salt=COOKIE_SALT,
        max_age=settings.RATINGS_VOTER_COOKIE_AGE,
    )
    if guest_id and _GUEST_ID.match(guest_id):
        return Voter(key=f"{GUEST_PREFIX}{guest_id}")
    if not create:
        return None
    guest_id = uuid.uuid4().hex
    return Voter(key=f"{GUEST_PREFIX}{guest_id}", new_guest_id=guest_id)


def remember(response, voter):
    """Send a new guest's voter id in the signed, long-lived cookie."""
    if voter.new_guest_id:
        response.set_signed_cookie(
            COOKIE_NAME,
            voter.new_guest_id,
            salt=COOKIE_SALT,
            max_age=settings.RATINGS_VOTER_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
