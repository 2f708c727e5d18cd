import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from stats.models import ArticleDailyViews, DailyTraffic, HourlyTraffic, PageView
from tests.factories import make_article, make_user
from tests.stats.test_recording import CHROME

pytestmark = pytest.mark.django_db
URL = "/admin/stats/dailytraffic/"


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(role="Quản trị viên"))
    return client


def test_administrators_see_the_dashboard_with_cards_tables_and_chart_data(
    admin_client,
):
    article = make_article(title="Tin nhiều người đọc")
    today = timezone.localdate()
    DailyTraffic.objects.create(
        day=today - timedelta(days=1), visits=800, page_views=2000
    )
    # Yesterday's visits, all before midnight's first hour ended: whatever the
    # time now, yesterday had 800 by the same time.
    HourlyTraffic.objects.create(
        day=today - timedelta(days=1), hour=0, visits=800, page_views=2000
    )
    ArticleDailyViews.objects.create(day=today, article=article, views=1234)
    admin_client.get("/", HTTP_USER_AGENT=CHROME, REMOTE_ADDR="192.0.2.1")
    response = admin_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for label in (
        "Đang truy cập",
        "Hôm nay",
        "Tháng hiện tại",
        "Tổng lượt truy cập",
        "Lượt xem trang hôm nay",
        "Nguồn giới thiệu",
        "Thiết bị",
        "Trình duyệt",
        "Hệ điều hành",
        "Máy tìm kiếm (bot)",
    ):
        assert label in page
    assert "Tin nhiều người đọc" in page and "1.234" in page
    assert 'id="stats-chart-data"' in page and "chart.umd.min.js" in page
    cards = {str(c.label): c for c in response.context["data"]["cards"]}
    assert cards["Hôm nay"].value == 1
    if timezone.localtime().hour > 0:
        assert cards["Hôm nay"].previous == 800
    assert cards["Đang truy cập"].value == 1
    assert PageView.objects.filter(rolled=False).count() == 0  # rolled up first


def test_the_dashboard_entry_is_on_the_admin_index_for_administrators(admin_client):
    assert URL in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["Phóng viên", "Thư ký tòa soạn"])
def test_editorial_roles_without_the_permission_get_403(client, role):
    client.force_login(make_user(role=role))
    for url in (URL, URL + "export/daily.csv", URL + "editorial/"):
        assert client.get(url).status_code == 403
    assert URL not in client.get("/admin/").content.decode()


def test_anonymous_users_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("range=12", "Hãy chọn một lựa chọn hợp lệ"),
        (
            "range=custom&start=31/02/2024&end=01/03/2024",
            "Từ ngày: Nhập một ngày hợp lệ",
        ),
        ("range=custom&start=10/03/2024", "Hãy chọn cả ngày bắt đầu và ngày kết thúc."),
        ("range=custom&start=10/03/2024&end=01/03/2024", "Ngày bắt đầu phải trước"),
        ("range=custom&start=01/01/1999&end=01/03/2024", "Ngày phải từ 01/01/2000"),
        ("range=custom&start=01/01/2001&end=01/03/2024", "Khoảng thời gian dài nhất"),
        ("start=abc&end=" + "9" * 5000, "Từ ngày: Nhập một ngày hợp lệ"),
        ("range=custom&start=01/01/2024&end=01/01/9999", "Ngày phải từ 01/01/2000"),
    ],
)
def test_bad_dates_and_ranges_get_a_400_with_a_message(admin_client, query, message):
    for url in (URL, URL + "editorial/", URL + "export/daily.csv"):
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert message in response.content.decode()


def test_custom_dates_choose_the_days_shown(admin_client):
    DailyTraffic.objects.create(day=timezone.datetime(2024, 3, 2).date(), visits=37689)
    response = admin_client.get(URL + "?range=custom&start=01/03/2024&end=03/03/2024")
    assert response.status_code == 200
    daily = response.context["data"]["daily"]
    assert [row[1] for row in daily.rows] == [0, 37689, 0]
    assert "37.689" in response.content.decode()


@pytest.mark.parametrize(
    "table",
    [
        "daily",
        "monthly",
        "hourly",
        "articles",
        "referrers",
        "devices",
        "browsers",
        "systems",
        "bots",
    ],
)
def test_every_table_exports_as_csv(admin_client, table):
    call_command("stats_generate_history", days=10)
    make_article()
    response = admin_client.get(URL + f"export/{table}.csv?range=7")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) >= 2
    if table == "daily":
        assert len(rows) == 1 + 7
        assert rows[1][0] == (timezone.localdate() - timedelta(days=6)).isoformat()


def test_unknown_export_table_is_404(admin_client):
    assert admin_client.get(URL + "export/nope.csv").status_code == 404


def test_csv_cells_cannot_start_a_spreadsheet_formula(admin_client):
    make_article(title='=HYPERLINK("http://x")')
    article = make_article(title="=1+1")
    ArticleDailyViews.objects.create(day=timezone.localdate(), article=article, views=3)
    body = admin_client.get(URL + "export/articles.csv").content.decode("utf-8-sig")
    assert "'=1+1" in body


def test_dashboard_query_count_is_pinned(admin_client, django_assert_max_num_queries):
    for _ in range(5):
        make_article()
    call_command("stats_generate_history", days=400)
    admin_client.get(URL)  # warm the site-settings cache
    # session, user, permissions (2), roll-up, daily, months, hours, online, cards,
    # top articles and their titles, referrers, clients, bots, years, the opening
    # visits brought from an old system; and one each for the ratings' and
    # comments' summaries of the top articles once those apps provide them; and
    # 4 from the admin shell: the header's count of articles waiting for review
    # and the idle-session write (savepoint, update, release).
    optional = sum(hasattr(manager, method) for manager, method in _optional_managers())
    with django_assert_max_num_queries(17 + optional + 4):
        response = admin_client.get(URL + "?range=365")
    assert response.status_code == 200
    assert len(response.context["data"]["daily"].rows) == 365


def _optional_managers():
    from django.apps import apps

    for app_label, model, method in (
        ("ratings", "Vote", "summaries"),
        ("comments", "Comment", "visible_counts"),
    ):
        try:
            yield apps.get_model(app_label, model).objects, method
        except LookupError:
            continue


def test_the_dashboard_speaks_english_when_the_reader_chose_it(admin_client):
    DailyTraffic.objects.create(day=timezone.localdate(), visits=37689)
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(URL).content.decode()
    for label in (
        "Online now",
        "Total visits",
        "Page views today",
        "Referrers",
        "Download CSV",
        "Most viewed articles",
    ):
        assert label in page
    assert "37,689" in page
    bad = admin_client.get(URL + "?range=custom&start=10/03/2024&end=01/03/2024")
    assert bad.status_code == 400
    assert "The start date must be on or before the end date." in bad.content.decode()


def test_top_articles_show_their_average_rating_and_visible_comment_count(admin_client):
    from tests.factories import make_comment, make_vote

    article = make_article(title="Tin được bàn luận")
    ArticleDailyViews.objects.create(
        day=timezone.localdate(), article=article, views=50
    )
    make_vote(article, 5)
    make_vote(article, 4)
    for _ in range(3):
        make_comment(article=article)
    make_comment(article=article, state="waiting")
    make_comment(article=article, state="spam")
    response = admin_client.get(URL + "?range=7")
    table = next(t for t in response.context["data"]["tables"] if t.slug == "articles")
    assert [str(h) for h in table.headers] == [
        "Bài viết",
        "Lượt xem",
        "Điểm trung bình",
        "Bình luận",
    ]
    title, views, average, comments = table.rows[0]
    assert (title, views, comments) == ("Tin được bàn luận", 50, 3)
    assert float(average) == 4.5


def test_a_csv_export_reads_only_its_own_table(
    admin_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("stats_generate_history", days=30)
    admin_client.get(URL)  # warm the caches
    # session, user, the roll-up (in a savepoint), the table, and the idle-session
    # write (savepoint, update, release): not the fifteen of the whole dashboard.
    with django_assert_max_num_queries(9):
        response = admin_client.get(URL + "export/referrers.csv?range=30")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    with CaptureQueriesContext(connection) as unknown:
        assert admin_client.get(URL + "export/nope.csv").status_code == 404
    # The 404 page's side blocks may read the statistics; the dashboard's own
    # tables are not read.
    dashboard_only = ("stats_referrerdaily", "stats_clientdaily", "stats_botdaily")
    assert not any(
        table in q["sql"] for q in unknown.captured_queries for table in dashboard_only
    )


HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def traffic(day, visits, page_views=0, hours=None):
    DailyTraffic.objects.create(day=day, visits=visits, page_views=page_views)
    for hour, (v, pv) in (hours or {}).items():
        HourlyTraffic.objects.create(day=day, hour=hour, visits=v, page_views=pv)


def test_today_is_compared_with_yesterday_up_to_the_same_time(admin_client):
    with time_machine.travel(datetime(2024, 3, 15, 0, 48, tzinfo=HCM), tick=False):
        traffic(
            date(2024, 3, 14), 1000, 3000, {0: (50, 100), 1: (40, 90), 13: (900, 2800)}
        )
        traffic(date(2024, 3, 15), 30, 70)
        response = admin_client.get(URL)
    cards = {str(c.label): c for c in response.context["data"]["cards"]}
    today = cards["Hôm nay"]
    # 48 minutes of yesterday's first hour: 50 × 0.8 visits, not the whole day.
    assert (today.value, today.previous, today.change_percent) == (30, 40, -25.0)
    assert str(today.previous_label) == "cùng giờ hôm qua"
    page_views = cards["Lượt xem trang hôm nay"]
    assert (page_views.value, page_views.previous) == (70, 80)
    assert "so với cùng giờ hôm qua" in response.content.decode()


def test_this_month_is_compared_with_last_month_up_to_the_same_moment(admin_client):
    with time_machine.travel(datetime(2024, 3, 15, 12, 30, tzinfo=HCM), tick=False):
        for day in range(1, 30):  # February 2024: 29 days of 100 visits
            hours = {h: (4, 0) for h in range(24)} if day == 15 else None
            traffic(date(2024, 2, day), 100, 0, hours)
        traffic(date(2024, 3, 1), 700)
        response = admin_client.get(URL)
    month = {str(c.label): c for c in response.context["data"]["cards"]}[
        "Tháng hiện tại"
    ]
    # February 1-14 whole, and February 15 until 12:30 (12.5 hours of 4 visits).
    assert (month.value, month.previous) == (700, 1400 + 50)
    assert str(month.previous_label) == "cùng kỳ tháng trước"


def test_on_the_31st_the_month_is_compared_with_the_whole_shorter_last_month():
    from stats.dashboard import same_day_last_month

    assert same_day_last_month(date(2024, 3, 31)) is None
    assert same_day_last_month(date(2024, 3, 29)) == date(2024, 2, 29)
    assert same_day_last_month(date(2024, 1, 31)) == date(2023, 12, 31)


def test_charts_mark_today_and_this_month_as_partial(admin_client):
    with time_machine.travel(datetime(2024, 3, 15, 0, 48, tzinfo=HCM), tick=False):
        response = admin_client.get(URL + "?range=7")
        earlier = admin_client.get(URL + "?start=01/03/2024&end=07/03/2024")
    charts = response.context["charts"]
    assert charts["daily"]["labels"][-1] == "15/03/2024 (đến 00:48)"
    assert charts["partial"]["daily"] == 6
    assert charts["monthly"]["labels"][-1] == "03/2024 (đến 00:48)"
    assert charts["partial"]["monthly"] == 11
    assert "Hôm nay mới tính đến 00:48" in response.content.decode()
    # A period that ends before today has no partial day.
    assert earlier.context["charts"]["partial"]["daily"] is None
    assert "(đến" not in earlier.context["charts"]["daily"]["labels"][-1]
