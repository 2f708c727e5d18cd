import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection

from portal import pagecache
from stats.models import (
    ArticleDailyViews,
    BotDaily,
    ClientDaily,
    DailyTraffic,
    PageView,
    ReferrerDaily,
)
from stats.services import rollup
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def old_article():
    """An article published before the frozen dates of these tests."""
    return make_article(publish_at=datetime(2020, 1, 1, tzinfo=HCM))


def view(client, url, ip="203.0.113.7", ua=CHROME, **headers):
    return client.get(url, REMOTE_ADDR=ip, HTTP_USER_AGENT=ua, **headers)


def today_row(day):
    rollup()
    return DailyTraffic.objects.filter(day=day).first()


def test_n_page_views_from_n_distinct_visitors_raise_today_by_exactly_n(client):
    article = make_article()
    for n in range(7):
        assert (
            view(client, article.get_absolute_url(), ip=f"198.51.100.{n}").status_code
            == 200
        )
    rollup()
    row = DailyTraffic.objects.get()
    assert (row.page_views, row.visits, row.visitors, row.bot_hits) == (7, 7, 7, 0)
    assert ArticleDailyViews.objects.get(article=article).views == 7


def test_a_visit_splits_after_30_minutes_of_inactivity_and_not_before(client):
    article = old_article()
    start = datetime(2024, 3, 5, 9, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        view(client, "/")
        clock.move_to(start + timedelta(minutes=29, seconds=59))
        view(client, "/")  # same visit
        clock.move_to(start + timedelta(minutes=59, seconds=58))
        view(client, article.get_absolute_url())  # 29:59 later: same visit (sliding)
        clock.move_to(start + timedelta(minutes=90))
        view(client, "/")  # 30:02 of silence: a new visit
    row = today_row(start.date())
    assert (row.page_views, row.visits, row.visitors) == (4, 2, 1)


def test_exactly_thirty_minutes_of_silence_keeps_the_visit(client):
    start = datetime(2024, 3, 5, 9, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        view(client, "/")
        clock.move_to(start + timedelta(minutes=30))
        view(client, "/")
        clock.move_to(start + timedelta(minutes=60, seconds=1))
        view(client, "/")
    assert today_row(start.date()).visits == 2


def test_article_views_count_once_per_visitor_per_30_minutes(client):
    article = old_article()
    url = article.get_absolute_url()
    start = datetime(2024, 3, 5, 9, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        for minute in (0, 5, 29):
            clock.move_to(start + timedelta(minutes=minute))
            view(client, url)
        view(client, url, ip="203.0.113.8")  # another visitor
        clock.move_to(start + timedelta(minutes=30))
        view(client, url)  # 30 minutes after the counted view: counts again
    rollup()
    assert ArticleDailyViews.objects.get(article=article).views == 3
    assert DailyTraffic.objects.get().page_views == 5


def test_online_now_counts_distinct_visitors_of_the_last_5_minutes(client):
    start = datetime(2024, 3, 5, 9, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        view(client, "/", ip="192.0.2.1")
        clock.move_to(start + timedelta(minutes=2))
        view(client, "/", ip="192.0.2.2")
        view(client, "/", ip="192.0.2.2")
        view(client, "/", ip="192.0.2.2", ua=IPHONE)  # same IP, other device
        view(client, "/", ua=GOOGLEBOT, ip="192.0.2.9")
        clock.move_to(start + timedelta(minutes=4, seconds=59))
        cache.clear()
        pagecache.clear()
        page = view(client, "/", ip="192.0.2.3").content.decode()
        assert 'data-figure="online">3</dd>' in page  # .1, .2 Chrome, .2 iPhone
        clock.move_to(start + timedelta(minutes=7, seconds=30))
        cache.clear()
        pagecache.clear()
        page = client.get("/", HTTP_USER_AGENT=GOOGLEBOT).content.decode()
        # .1 (7:30 ago) and .2 (5:30 ago) have gone; .3 (2:31 ago) is online.
        assert 'data-figure="online">1</dd>' in page


def test_today_and_this_month_roll_over_at_midnight_in_ho_chi_minh_city(client):
    # 23:59 on 31 January in Hồ Chí Minh City is 16:59 UTC; 00:01 is 17:01 UTC,
    # still 31 January in UTC.
    before = datetime(2024, 1, 31, 23, 59, tzinfo=HCM)
    after = datetime(2024, 2, 1, 0, 1, tzinfo=HCM)
    with time_machine.travel(before, tick=False) as clock:
        view(client, "/", ip="192.0.2.1")
        view(client, "/", ip="192.0.2.2")
        clock.move_to(after)
        # The same reader two minutes later: a new day, so a new visitor and visit.
        page = view(client, "/", ip="192.0.2.1").content.decode()
        cache.clear()
        pagecache.clear()
        page = view(client, "/", ip="192.0.2.1").content.decode()
    assert 'data-figure="today">1</dd>' in page
    assert 'data-figure="month">1</dd>' in page
    assert 'data-figure="total">3</dd>' in page
    rollup()
    days = dict(DailyTraffic.objects.values_list("day", "visits"))
    assert days == {before.date(): 2, after.date(): 1}


def test_bots_never_appear_in_readers_figures(client):
    article = make_article()
    for ua in (GOOGLEBOT, "curl/8.5.0", "python-requests/2.31", ""):
        view(client, article.get_absolute_url(), ua=ua)
        view(client, "/", ua=ua)
    cache.clear()
    pagecache.clear()
    page = view(client, "/", ua=GOOGLEBOT).content.decode()
    assert 'data-figure="today">0</dd>' in page
    assert 'data-figure="online">0</dd>' in page
    rollup()
    row = DailyTraffic.objects.get()
    assert (row.page_views, row.visits, row.visitors, row.bot_hits) == (0, 0, 0, 9)
    assert not ArticleDailyViews.objects.exists()
    bots = dict(BotDaily.objects.values_list("name", "hits"))
    assert bots["Googlebot"] == 3 and bots["curl"] == 2
    assert sum(bots.values()) == 9


def test_devices_browsers_systems_and_outside_referrers_are_kept_per_day(client):
    view(client, "/", ip="192.0.2.1", HTTP_REFERER="https://www.google.com/search?q=x")
    view(client, "/", ip="192.0.2.1", HTTP_REFERER="http://testserver/")  # our own
    view(client, "/", ip="192.0.2.1", HTTP_REFERER="https://www.testserver/a")
    view(client, "/", ip="192.0.2.2", ua=IPHONE, HTTP_REFERER="https://Facebook.com/")
    rollup()
    assert dict(ReferrerDaily.objects.values_list("host", "page_views")) == {
        "google.com": 1,
        "facebook.com": 1,
    }
    clients = {(c.kind, c.name): c.visits for c in ClientDaily.objects.all()}
    assert clients == {
        ("device", "desktop"): 1,
        ("device", "mobile"): 1,
        ("browser", "Chrome"): 1,
        ("browser", "Mobile Safari"): 1,
        ("os", "Windows"): 1,
        ("os", "iOS"): 1,
    }


@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [
        ("post", "/", {}),
        ("get", "/khong-co-trang-nay", {}),
        ("get", "/admin/login/", {}),
        ("get", "/", {"HTTP_SEC_FETCH_MODE": "cors"}),
        ("get", "/", {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
        ("get", "/", {"HTTP_SEC_PURPOSE": "prefetch"}),
        ("get", "/i18n/js/", {}),
    ],
)
def test_only_successful_gets_of_public_html_pages_count(client, method, url, headers):
    getattr(client, method)(url, HTTP_USER_AGENT=CHROME, **headers)
    assert not PageView.objects.exists()


def test_a_browser_navigation_counts(client):
    view(client, "/", HTTP_SEC_FETCH_MODE="navigate", HTTP_SEC_FETCH_DEST="document")
    assert PageView.objects.count() == 1


def test_a_staff_preview_of_a_draft_is_not_a_page_view(client):
    draft = make_article(status="draft")
    client.force_login(make_user(role="Thư ký tòa soạn"))
    assert view(client, draft.get_absolute_url()).status_code == 200
    assert not PageView.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 " + "A" * 100_000},
        {"HTTP_USER_AGENT": "\x00\xff<script>'\"; DROP TABLE x; --"},
        {"HTTP_REFERER": "https://" + "a" * 70_000 + ".com/"},
        {"HTTP_REFERER": "http://[::1"},
        {"HTTP_REFERER": "javascript:alert(1)"},
        {"HTTP_REFERER": "https://xn--/\x00"},
        {"HTTP_REFERER": "https://ví-dụ.việt.nam/trang"},
        {"HTTP_X_FORWARDED_FOR": "not-an-ip, , 999.1.1.1," * 2000},
    ],
)
def test_forged_or_huge_headers_never_cause_a_500_and_are_stored_bounded(
    client, settings, headers
):
    settings.TRUSTED_PROXIES = 1
    headers.setdefault("HTTP_USER_AGENT", CHROME)
    article = make_article()
    assert client.get(article.get_absolute_url(), **headers).status_code == 200
    row = PageView.objects.get()
    assert len(row.referrer_host) <= 255 and len(row.browser) <= 50
    assert len(row.visitor) in (0, 32)
    rollup()
    assert (
        DailyTraffic.objects.get().page_views + DailyTraffic.objects.get().bot_hits == 1
    )


def test_an_international_referrer_is_stored_as_its_ascii_host(client):
    view(client, "/", HTTP_REFERER="https://ví-dụ.việt.nam/trang")
    host = PageView.objects.get().referrer_host
    assert host.startswith("xn--") and host.endswith(".nam")


@pytest.mark.django_db(transaction=True)
def test_a_recording_failure_still_serves_the_page_and_is_logged(client, caplog):
    article = make_article()
    with connection.cursor() as cursor:  # every insert of a page view now fails
        cursor.execute(
            "CREATE FUNCTION stats_hiccup() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'simulated database hiccup'; END $$;"
            "CREATE TRIGGER stats_hiccup BEFORE INSERT ON stats_pageview "
            "FOR EACH ROW EXECUTE FUNCTION stats_hiccup()"
        )
    try:
        with caplog.at_level(logging.ERROR, logger="stats.middleware"):
            response = view(client, article.get_absolute_url())
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TRIGGER stats_hiccup ON stats_pageview;"
                "DROP FUNCTION stats_hiccup()"
            )
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "Could not record a page view" in caplog.text
    assert "simulated database hiccup" in caplog.text
    assert view(client, article.get_absolute_url()).status_code == 200
    assert PageView.objects.count() == 1  # counting resumes with the database


def test_counting_switched_off_records_nothing(client, settings):
    settings.STATS_ENABLED = False
    view(client, "/")
    assert not PageView.objects.exists()
