import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from stats.models import ArticleDailyViews
from tests.factories import make_article, make_category, make_user

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
EDITORIAL = "/admin/stats/dailytraffic/editorial/"


def test_article_change_page_shows_views_per_day_and_totals(client):
    article = make_article()
    today = timezone.localdate()
    ArticleDailyViews.objects.create(day=today, article=article, views=1200)
    ArticleDailyViews.objects.create(
        day=today - timedelta(days=29), article=article, views=5
    )
    ArticleDailyViews.objects.create(
        day=today - timedelta(days=30), article=article, views=7
    )
    client.force_login(make_user(role="Quản trị viên"))
    page = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Tổng: 1.212 lượt xem · 30 ngày qua: 1.205" in page
    assert page.count("<tr><td>") >= 30
    assert today.strftime("%d/%m/%Y") in page


def test_editorial_report_counts_published_articles_per_author_and_category(client):
    lan = make_user("lan", first_name="Lan", last_name="Nguyễn Thị", role="Phóng viên")
    minh = make_user("minh", role="Phóng viên")
    politics, economy = make_category(name="Chính trị"), make_category(name="Kinh tế")
    inside = datetime(2024, 5, 10, 9, 0, tzinfo=HCM)
    for author, category in [(lan, politics), (lan, economy), (minh, economy)]:
        make_article(created_by=author, category=category, publish_at=inside)
    # Edges in the site time zone: 00:00 on the first day is in, the next day is not.
    make_article(
        created_by=lan,
        category=politics,
        publish_at=datetime(2024, 5, 1, 0, 0, tzinfo=HCM),
    )
    make_article(
        created_by=lan,
        category=politics,
        publish_at=datetime(2024, 6, 1, 0, 0, tzinfo=HCM),
    )
    make_article(created_by=minh, category=politics, publish_at=inside, status="draft")
    client.force_login(make_user(role="Quản trị viên"))
    query = "?range=custom&start=01/05/2024&end=31/05/2024"
    response = client.get(EDITORIAL + query)
    assert response.status_code == 200
    authors, categories, total = response.context["tables"]
    assert authors.rows == [["Nguyễn Thị Lan", "lan", 3], ["minh", "minh", 1]]
    assert categories.rows == [["Chính trị", 2], ["Kinh tế", 2]]
    assert total.rows[0][2] == 4
    export = client.get(EDITORIAL + query + "&csv=authors")
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows == [
        ["Người viết", "Tài khoản", "Số bài"],
        ["Nguyễn Thị Lan", "lan", "3"],
        ["minh", "minh", "1"],
    ]
    assert client.get(EDITORIAL + query + "&csv=nope").status_code == 404
