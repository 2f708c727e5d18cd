"""Plausible generated traffic history, for the demo dashboard and the benchmark.

Rows are written with ``ON CONFLICT DO NOTHING`` on the named unique constraints, so
running the generator again adds nothing to the days it has already filled (and
never touches a day that real traffic has written).
"""

import math
import random
from datetime import timedelta

from news.models import Article
from stats.models import (
    ArticleDailyViews,
    BotDaily,
    ClientDaily,
    DailyTraffic,
    HourlyTraffic,
    ReferrerDaily,
)

HOURS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 7, 6, 7, 8, 8, 7, 6, 6, 7, 7, 6, 4, 2]
REFERRERS = [
    ("google.com", 40),
    ("facebook.com", 25),
    ("zalo.me", 12),
    ("baomoi.com", 8),
    ("coccoc.com", 6),
    ("bing.com", 3),
    ("chinhphu.vn", 3),
    ("youtube.com", 3),
]
CLIENTS = {
    ClientDaily.Kind.DEVICE: [("mobile", 58), ("desktop", 38), ("tablet", 4)],
    ClientDaily.Kind.BROWSER: [
        ("Chrome Mobile", 30),
        ("Chrome", 28),
        ("Mobile Safari", 14),
        ("Coc Coc", 10),
        ("Samsung Internet", 6),
        ("Edge", 6),
        ("Firefox", 3),
        ("Safari", 3),
    ],
    ClientDaily.Kind.OS: [
        ("Android", 44),
        ("Windows", 32),
        ("iOS", 16),
        ("Mac OS X", 5),
        ("Linux", 2),
        ("Other", 1),
    ],
}
BOTS = [
    ("Googlebot", 40),
    ("bingbot", 15),
    ("coccocbot", 12),
    ("AhrefsBot", 10),
    ("facebookexternalhit", 8),
    ("curl", 5),
    ("python-requests", 5),
    ("UptimeRobot", 5),
]


def split(total, weights, rng):
    """``total`` split by ``weights`` with a little noise; the parts add up."""
    raw = [w * rng.uniform(0.85, 1.15) for _name, w in weights]
    scale = total / sum(raw)
    parts = [int(r * scale) for r in raw]
    parts[0] += total - sum(parts)
    return [(name, n) for (name, _w), n in zip(weights, parts, strict=True) if n > 0]


def generate(*, today, days=90, daily_visits=900, articles=200, seed=2024):
    """Fill the ``days`` days before ``today``, spreading article views over the
    ``articles`` latest published articles; returns the page views generated."""
    articles = list(
        Article.objects.published()
        .order_by("-publish_at")
        .values_list("id", flat=True)[:articles]
    )
    rows = {
        model: []
        for model in (
            DailyTraffic,
            HourlyTraffic,
            ArticleDailyViews,
            ReferrerDaily,
            ClientDaily,
            BotDaily,
        )
    }
    page_views_total = 0
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        rng = random.Random(f"{seed}:{day.isoformat()}")
        weekly = 0.72 if day.weekday() >= 5 else 1.0
        trend = 1 + 0.25 * (1 - back / max(days, 1))
        wave = 1 + 0.1 * math.sin(back / 9)
        visits = int(daily_visits * weekly * trend * wave * rng.uniform(0.9, 1.1))
        page_views = int(visits * rng.uniform(2.1, 2.6))
        page_views_total += page_views
        rows[DailyTraffic].append(
            DailyTraffic(
                day=day,
                visits=visits,
                page_views=page_views,
                visitors=int(visits * 0.82),
                bot_hits=int(page_views * rng.uniform(0.2, 0.4)),
            )
        )
        hourly_pv = split(page_views, list(enumerate(HOURS)), rng)
        hourly_v = dict(split(visits, list(enumerate(HOURS)), rng))
        rows[HourlyTraffic].extend(
            HourlyTraffic(day=day, hour=h, page_views=n, visits=hourly_v.get(h, 0))
            for h, n in hourly_pv
        )
        if articles:
            weights = [
                (pk, 1 / (rank + 3) ** 1.1)
                for rank, pk in enumerate(rng.sample(articles, len(articles)))
            ]
            rows[ArticleDailyViews].extend(
                ArticleDailyViews(day=day, article_id=pk, views=n)
                for pk, n in split(int(page_views * 0.6), weights, rng)
            )
        rows[ReferrerDaily].extend(
            ReferrerDaily(day=day, host=host, page_views=n)
            for host, n in split(int(visits * 0.55), REFERRERS, rng)
        )
        for kind, weights in CLIENTS.items():
            rows[ClientDaily].extend(
                ClientDaily(day=day, kind=kind, name=name, visits=n)
                for name, n in split(visits, weights, rng)
            )
        rows[BotDaily].extend(
            BotDaily(day=day, name=name, hits=n)
            for name, n in split(rows[DailyTraffic][-1].bot_hits, BOTS, rng)
        )
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=5000, ignore_conflicts=True)
    return page_views_total
