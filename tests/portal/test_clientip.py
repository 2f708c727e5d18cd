"""portal.clientip: the one place that decides the client address."""

from portal.clientip import client_ip, client_ip_hash, hash_ip


def test_without_trusted_proxies_forwarded_for_is_never_believed(rf, settings):
    settings.TRUSTED_PROXIES = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_ip(request) == "192.0.2.1"


def test_with_one_trusted_proxy_the_rightmost_hop_is_the_client(rf, settings):
    settings.TRUSTED_PROXIES = 1
    request = rf.get(
        "/",
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.5",
    )
    assert client_ip(request) == "203.0.113.5"


def test_a_garbage_hop_falls_back_to_the_remote_address(rf, settings):
    settings.TRUSTED_PROXIES = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) == "10.0.0.1"


def test_ipv6_addresses_are_normalised(rf, settings):
    settings.TRUSTED_PROXIES = 0
    request = rf.get("/", REMOTE_ADDR="2001:DB8:0:0:0:0:0:1")
    assert client_ip(request) == "2001:db8::1"


def test_an_unknown_remote_address_is_all_zeros(rf):
    request = rf.get("/", REMOTE_ADDR="")
    assert client_ip(request) == "0.0.0.0"


def test_hashes_are_salted_per_purpose_and_hide_the_address(rf, settings):
    settings.IP_HASH_SALT = "muoi"
    request = rf.get("/", REMOTE_ADDR="192.0.2.1")
    ratings = client_ip_hash(request, salt="ratings")
    assert ratings == hash_ip("192.0.2.1", salt="ratings")
    assert ratings != client_ip_hash(request, salt="comments")
    assert "192.0.2.1" not in ratings
    settings.IP_HASH_SALT = "khac"
    assert client_ip_hash(request, salt="ratings") != ratings
