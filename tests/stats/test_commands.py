from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from stats.models import (
    ArticleDailyViews,
    ClientDaily,
    DailyTraffic,
    PageView,
    RecentArticleView,
    Visitor,
)
from tests.factories import make_article
from tests.stats.test_recording import CHROME

pytestmark = pytest.mark.django_db


def test_history_generator_fills_90_days_once(settings):
    for _ in range(3):
        make_article()
    call_command("stats_generate_history", days=90)
    first = list(DailyTraffic.objects.order_by("day").values_list("day", "page_views"))
    call_command("stats_generate_history", days=90)
    assert (
        list(DailyTraffic.objects.order_by("day").values_list("day", "page_views"))
        == first
    )
    today = timezone.localdate()
    assert len(first) == 90
    assert first[0][0] == today - timedelta(days=90)
    assert first[-1][0] == today - timedelta(days=1)
    assert ArticleDailyViews.objects.exists() and ClientDaily.objects.exists()


def test_rollup_command_adds_each_page_view_once_and_prunes_old_state(client):
    article = make_article()
    for n in range(3):
        client.get(
            article.get_absolute_url(),
            REMOTE_ADDR=f"192.0.2.{n}",
            HTTP_USER_AGENT=CHROME,
        )
    call_command("stats_rollup")
    call_command("stats_rollup")
    assert DailyTraffic.objects.get().page_views == 3
    assert PageView.objects.filter(rolled=False).count() == 0
    # Raw page views stay for the online-now window, then go.
    assert PageView.objects.count() == 3
    later = timezone.now() + timedelta(days=1)
    from stats.services import prune

    deleted = prune(now=later)
    assert deleted == {"pageviews": 3, "visitors": 3, "article_windows": 3}
    assert not Visitor.objects.exists() and not RecentArticleView.objects.exists()
    assert DailyTraffic.objects.get().page_views == 3


@pytest.mark.parametrize(
    "args",
    [
        ["--days", "0"],
        ["--days", "9999"],
        ["--articles", "-3"],
        ["--daily-visits", "-1"],
    ],
)
def test_the_history_generator_refuses_impossible_arguments(args):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--days must be"):
        call_command("stats_generate_history", *args)


def test_readers_seen_just_before_midnight_are_still_online_just_after(client):
    """'Đang truy cập' counts visitor rows, so pruning yesterday's rows at 00:00
    must not drop the readers who were reading at 23:59 from the figure."""
    from stats.services import ONLINE_WINDOW, prune

    article = make_article()
    client.get(
        article.get_absolute_url(), REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT=CHROME
    )
    now = timezone.now()
    today = timezone.localdate(now)
    # The reader's row as it stands at 00:01: yesterday's, last seen two minutes ago.
    Visitor.objects.update(
        day=today - timedelta(days=1), last_seen=now - timedelta(minutes=2)
    )

    def online(at):
        return DailyTraffic.objects.headline(
            now=at, today=timezone.localdate(at), online_window=ONLINE_WINDOW
        )["online"]

    assert prune(now=now)["visitors"] == 0
    assert online(now) == 1
    # Once the reader has been gone longer than the window, the row goes.
    later = now + ONLINE_WINDOW
    assert prune(now=later)["visitors"] == 1
    assert online(later) == 0 and not Visitor.objects.exists()
