"""The statistics dashboard as an administrator and a reporter see it in Chromium."""

import os

import pytest
from django.core.management import call_command

from tests.factories import make_article, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
URL = "/admin/stats/dailytraffic/"


def log_in(page, live_server, username, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-thu-1")
    page.click("input[type=submit]")


def test_dashboard_draws_its_charts_for_an_administrator(
    live_server, page, artifacts_dir
):
    for _ in range(3):
        make_article()
    call_command("stats_generate_history", days=90)
    make_user("quantri", role="Quản trị viên")
    log_in(page, live_server, "quantri", URL + "?range=90")
    page.wait_for_selector("#chart-daily[data-drawn=true]")
    for chart in ("daily", "monthly", "hourly", "bots"):
        canvas = page.locator(f"#chart-{chart}")
        assert canvas.get_attribute("data-drawn") == "true"
        box = canvas.bounding_box()
        assert box["width"] > 200 and box["height"] > 100
    # Chart.js has drawn: the daily chart has 90 points in each of its two lines.
    points = page.evaluate(
        "Chart.getChart('chart-daily').data.datasets.map(d => d.data.length)"
    )
    assert points == [90, 90]
    painted = page.evaluate(
        """() => {
            const c = document.getElementById('chart-daily');
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let coloured = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) coloured++;
            return coloured;
        }"""
    )
    assert painted > 1000
    # Today is not over: its point is drawn apart (a dashed segment into it).
    assert page.locator("#chart-daily").get_attribute("data-partial") == "89"
    dash = page.evaluate(
        """() => {
            const options = Chart.getChart('chart-daily').data.datasets[0].segment;
            return [options.borderDash({p1DataIndex: 89}), options.borderDash({p1DataIndex: 10}) || null];
        }"""
    )
    assert dash == [[6, 4], None]
    labels = page.evaluate("Chart.getChart('chart-daily').data.labels")
    assert "(đến " in labels[-1] and "(đến " not in labels[-2]
    assert page.locator(".stats-partial-note").is_visible()
    assert page.locator(".stats-card").count() == 5
    page.screenshot(
        path=os.path.join(artifacts_dir, "stats-dashboard.png"), full_page=True
    )


def test_a_reporter_gets_403(live_server, page):
    make_user("phongvien", role="Phóng viên")
    log_in(page, live_server, "phongvien", "/admin/")
    page.wait_for_selector("#content")
    response = page.goto(live_server.url + URL)
    assert response.status == 403
