"""The client's IP address, and the salted hash that is all the portal keeps of it.

``X-Forwarded-For`` is believed only as far as ``settings.TRUSTED_PROXIES`` says:
with N trusted proxies in front of the site, the client is the Nth address from the
right of the header. With none (the default) the client is ``REMOTE_ADDR``.
"""

import hashlib
import ipaddress

from django.conf import settings

MAX_HEADER = 1024


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client address as a normalised string ("0.0.0.0" when unknown)."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")[:MAX_HEADER]
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _valid_ip(hops[-proxies]) or remote


def hash_ip(ip, *, salt=""):
    """A salted SHA-256 of an address; ``salt`` adds a purpose or a day to the key."""
    key = f"{settings.IP_HASH_SALT}:{salt}:{ip}".encode()
    return hashlib.sha256(key).hexdigest()


def client_ip_hash(request, *, salt=""):
    return hash_ip(client_ip(request), salt=salt)


# Documentation addresses (RFC 3849): no real client ever has one.
PSEUDONYM_NETWORK = ipaddress.ip_network("2001:db8::/32")


def login_address(request):
    """The address django-axes records for a login attempt: a pseudonym of the
    client address (the trusted one, so a forged X-Forwarded-For neither dodges a
    lockout nor locks anyone else out). axes stores it in an address column, so
    the salted hash is written as an address of the documentation network; one
    client always gets the same pseudonym."""
    digest = int(hash_ip(client_ip(request), salt="login"), 16)
    host_bits = 128 - PSEUDONYM_NETWORK.prefixlen
    return str(PSEUDONYM_NETWORK[digest % (1 << host_bits)])
