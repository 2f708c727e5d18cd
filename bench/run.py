"""Benchmarks of the visit statistics (see README.md): the article page's throughput
with counting on against the same page with counting off, in one run, and the
dashboard's answer time over 365 days of generated history with 10 million page views.

    .venv/bin/python bench/run.py [--rounds 3] [--seconds 15] [--workers 3]

Everything runs on this machine against a separate database, ``portal_bench``, of
the embedded PostgreSQL (or BENCH_DATABASE_URL): the development data is untouched.
"""

import argparse
import os
import statistics
import threading

from common import (
    PageViewCounter,
    Server,
    admin_session,
    cpu_spent,
    database_url,
    environment,
    manage,
    shell,
    stop_servers_on_sigterm,
    time_dashboard,
)
from load import wrk_load

PORT_ON, PORT_OFF = 8101, 8102


def bench_database_url():
    return os.environ.get("BENCH_DATABASE_URL") or database_url("portal_bench")


def wrk(server, path, args, seconds=None):
    return wrk_load(
        server.url,
        path,
        seconds=seconds or args.seconds,
        connections=args.connections,
        threads=args.threads,
    )


def loaded_together(servers, path, args):
    """wrk on every server at the same time; ``{label: Load}``."""
    results = {}

    def load(label):
        results[label] = wrk(servers[label], path, args)

    threads = [threading.Thread(target=load, args=(label,)) for label in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(results) != len(servers):
        raise SystemExit("wrk failed")
    return results


def throughput(env, args, article_path):
    """Both servers loaded at the same time in each round, so that the load other
    programs put on the machine falls on both alike; the ratio of each round is
    taken, and the CPU each server (workers and their database backends) spent per
    request is measured too, which other programs' load hardly disturbs."""
    url = env["DATABASE_URL"]
    ports = {"on": args.port, "off": args.port + 1}
    servers = {}
    runs = {"on": [], "off": []}
    cpu = {"on": 0.0, "off": 0.0}
    ratios = []
    counter = PageViewCounter(url)
    try:
        for label, flag in (("on", "1"), ("off", "0")):
            servers[label] = Server(
                f"counting-{label}",
                port=ports[label],
                env=environment(url, STATS_ENABLED=flag),
                workers=args.workers,
            ).start()
        for server in servers.values():  # warm up: caches, connections
            wrk(server, article_path, args, seconds=3)
            server.wait_idle()
        mark = counter.mark()
        for round_ in range(args.rounds):
            start_cpu = {label: servers[label].cpu_times() for label in servers}
            results = loaded_together(servers, article_path, args)
            for label, server in servers.items():
                spent, _gone = cpu_spent(start_cpu[label], server.cpu_times())
                cpu[label] += spent
                runs[label].append(results[label])
            ratios.append(results["on"].rps / results["off"].rps)
            print(
                f"  round {round_ + 1}: counting on {results['on'].rps:6.1f} req/s "
                f"(p50 {results['on'].p50_ms:.2f}ms), off {results['off'].rps:6.1f} "
                f"req/s (p50 {results['off'].p50_ms:.2f}ms), ratio {ratios[-1]:.3f}; "
                f"errors {results['on'].errors + results['off'].errors}",
                flush=True,
            )
            for server in servers.values():
                server.wait_idle()
        recorded = counter.since(mark)
    finally:
        for server in servers.values():
            server.stop()
        counter.close()
    served = {label: sum(r.requests for r in runs[label]) for label in runs}
    ratio = statistics.median(ratios)
    per_request = {label: 1000 * cpu[label] / served[label] for label in runs}
    cpu_ratio = per_request["off"] / per_request["on"]
    print(
        f"article page, median ratio of {args.rounds} paired rounds: {ratio:.3f} "
        f"(cost {100 * (1 - ratio):.1f}%); mean on "
        f"{statistics.mean(r.rps for r in runs['on']):.1f} req/s, off "
        f"{statistics.mean(r.rps for r in runs['off']):.1f} req/s"
    )
    print(
        f"CPU per request (gunicorn worker + its PostgreSQL backend): counting on "
        f"{per_request['on']:.1f} ms, off {per_request['off']:.1f} ms; throughput "
        f"ratio this implies {cpu_ratio:.3f} (cost {100 * (1 - cpu_ratio):.1f}%)"
    )
    print(
        f"page views recorded during the counting-on runs: {recorded} "
        f"(wrk counted {served['on']} completed; up to {args.connections} per run may "
        "still have been in flight when wrk stopped)"
    )
    return ratio


PREPARE_HISTORY = """
from datetime import timedelta
from django.db import connection
from django.utils import timezone
from news.models import Article, Category
# A fresh history: the bench database's statistics are emptied first.
with connection.cursor() as cursor:
    cursor.execute(
        "TRUNCATE stats_dailytraffic, stats_hourlytraffic, stats_articledailyviews, "
        "stats_referrerdaily, stats_clientdaily, stats_botdaily, stats_pageview, "
        "stats_visitor, stats_recentarticleview"
    )
category, _ = Category.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
missing = ARTICLES - Article.objects.filter(category=category).count()
now = timezone.now()
Article.objects.bulk_create(
    Article(
        title=f"Bài đo hiệu năng {n}", slug=f"bai-do-hieu-nang-{n}", category=category,
        status="published", publish_at=now - timedelta(days=400 - n % 400),
    )
    for n in range(max(0, missing))
)
"""


def dashboard(env, args):
    print(
        f"{args.articles} articles and 400 days of history "
        "(≥ 10 million page views in the last 365)...",
        flush=True,
    )
    shell(env, PREPARE_HISTORY.replace("ARTICLES", str(args.articles)))
    manage(
        env,
        "stats_generate_history",
        "--days",
        "400",
        "--daily-visits",
        str(args.daily_visits),
        "--articles",
        str(args.articles),
    )
    summary = shell(
        env,
        (
            "from datetime import timedelta; from django.utils import timezone; "
            "from django.db.models import Sum; from stats.models import *; "
            "t = timezone.localdate(); s = t - timedelta(days=364); "
            "print(DailyTraffic.objects.between(s, t).aggregate(n=Sum('page_views'))['n'], "
            "ArticleDailyViews.objects.count(), DailyTraffic.objects.count())"
        ),
    )
    page_views, article_rows, days = summary.split()
    print(
        f"  last 365 days: {int(page_views):,} page views; {int(article_rows):,} "
        f"article-day rows; {days} days of history"
    )
    cookie = admin_session(env)
    server = Server(
        "dashboard",
        port=args.port,
        env=environment(env["DATABASE_URL"], STATS_ENABLED="1"),
        workers=1,
    ).start()
    try:
        timings = time_dashboard(server, cookie, args.dashboard_requests)
    finally:
        server.stop()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(
        f"dashboard, 365 days: median {statistics.median(timings):.0f} ms, "
        f"p95 {p95:.0f} ms, max {timings[-1]:.0f} ms over {len(timings)} requests"
    )
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--daily-visits", type=int, default=12_000)
    parser.add_argument("--dashboard-requests", type=int, default=20)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--port", type=int, default=PORT_ON, help="counting on; off on the next"
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-dashboard", action="store_true")
    args = parser.parse_args()
    stop_servers_on_sigterm()

    env = environment(bench_database_url())
    print(
        "preparing the bench database (migrate, demo content, static files)...",
        flush=True,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    article_path = shell(
        env,
        (
            "from news.models import Article; "
            "print(Article.objects.published().order_by('-publish_at').first().get_absolute_url())"
        ),
    )
    print(
        f"machine: {os.cpu_count()} cores; gunicorn {args.workers} sync workers per server; "
        f"wrk -t{args.threads} -c{args.connections}, {args.seconds} s per run, "
        f"Connection: close; article {article_path}",
        flush=True,
    )
    if not args.skip_throughput:
        throughput(env, args, article_path)
    if not args.skip_dashboard:
        dashboard(env, args)


if __name__ == "__main__":
    main()
