"""Benchmarks of the visit statistics (see README.md): the article page's throughput
with counting on against the same page with counting off, in one run, and the
dashboard's answer time over 365 days of generated history with 10 million page views.

    .venv/bin/python bench/run.py [--rounds 3] [--seconds 15] [--workers 3]

Everything runs on this machine against a separate database, ``portal_bench``, of
the embedded PostgreSQL (or BENCH_DATABASE_URL): the development data is untouched.
"""

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT_ON, PORT_OFF = 8101, 8102


def bench_database_url():
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    import psycopg2

    from portal.devdb import embedded_database_url

    url = embedded_database_url(ROOT)
    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = 'portal_bench'")
        if cursor.fetchone() is None:
            cursor.execute("CREATE DATABASE portal_bench")
    connection.close()
    return re.sub(r"/portal(\?|$)", r"/portal_bench\1", url, count=1)


def environment(database_url, **extra):
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        MEDIA_ROOT=str(ROOT / "var" / "bench-media"),
        TRUSTED_PROXIES="1",
        SECURE_COOKIES="0",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
        **extra,
    )
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout


def shell(env, code):
    return manage(env, "shell", "-v", "0", "-c", code, capture=True).strip()


def start_server(env, port, workers):
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn on port {port} did not answer")


def stop_server(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def start_wrk(port, path, seconds, threads, connections):
    return subprocess.Popen(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "visitors.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env=dict(os.environ, BENCH_PATH=path),
        text=True,
        stdout=subprocess.PIPE,
    )


def finish_wrk(process):
    output, _ = process.communicate(timeout=600)
    if process.returncode:
        raise SystemExit(f"wrk failed: {output}")
    result = dict(re.findall(r"(\w+)=([\d.]+)", output.split("RESULT", 1)[1]))
    requests, seconds_run = int(result["requests"]), float(result["seconds"])
    p50 = re.search(r"50%\s+([\d.]+\w+)", output).group(1)
    return {
        "requests": requests,
        "errors": int(result["errors"]) + int(result["non2xx"]),
        "rps": requests / seconds_run,
        "p50": p50,
    }


def wrk(port, path, seconds, threads, connections):
    return finish_wrk(start_wrk(port, path, seconds, threads, connections))


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid):
    """User + system CPU seconds a process has used (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def server_cpu(server, application_name, database_url):
    """CPU seconds used so far by a server's gunicorn workers and by the
    PostgreSQL backends serving them (found by their application_name)."""
    import psycopg2

    workers = subprocess.run(
        ["pgrep", "-P", str(server.pid)], text=True, capture_output=True
    ).stdout.split()
    connection = psycopg2.connect(database_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s",
                [application_name],
            )
            backends = [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()
    return sum(process_cpu(pid) for pid in [*workers, *backends])


def recorded_page_views(env):
    return int(
        shell(
            env,
            (
                "from stats.services import rollup; rollup(); "
                "from django.db.models import Sum; from stats.models import DailyTraffic; "
                "print(DailyTraffic.objects.aggregate(n=Sum('page_views'))['n'] or 0)"
            ),
        )
    )


def throughput(env, args, article_path):
    """Both servers loaded at the same time in each round, so that the load other
    programs put on the machine falls on both alike; the ratio of each round is
    taken, and the CPU each server (workers and their database backends) spent per
    request is measured too, which other programs' load hardly disturbs."""
    url = env["DATABASE_URL"]
    servers = {
        label: start_server(
            environment(url, STATS_ENABLED=flag, PGAPPNAME=f"bench-{label}"),
            port,
            args.workers,
        )
        for label, flag, port in (("on", "1", PORT_ON), ("off", "0", PORT_OFF))
    }
    ports = {"on": PORT_ON, "off": PORT_OFF}
    runs = {"on": [], "off": []}
    cpu = {"on": 0.0, "off": 0.0}
    ratios = []
    try:
        for label in ports:  # warm up: caches, connections
            wrk(ports[label], article_path, 3, args.threads, args.connections)
        before = recorded_page_views(env)
        for round_ in range(args.rounds):
            start_cpu = {
                label: server_cpu(servers[label], f"bench-{label}", url)
                for label in ports
            }
            loads = {
                label: start_wrk(
                    ports[label],
                    article_path,
                    args.seconds,
                    args.threads,
                    args.connections,
                )
                for label in ports
            }
            results = {label: finish_wrk(process) for label, process in loads.items()}
            for label in ports:
                spent = server_cpu(servers[label], f"bench-{label}", url)
                cpu[label] += spent - start_cpu[label]
                runs[label].append(results[label])
            ratios.append(results["on"]["rps"] / results["off"]["rps"])
            print(
                f"  round {round_ + 1}: counting on {results['on']['rps']:6.1f} req/s "
                f"(p50 {results['on']['p50']}), off {results['off']['rps']:6.1f} req/s "
                f"(p50 {results['off']['p50']}), ratio {ratios[-1]:.3f}; errors "
                f"{results['on']['errors'] + results['off']['errors']}",
                flush=True,
            )
        time.sleep(1)
        recorded = recorded_page_views(env) - before
    finally:
        for server in servers.values():
            stop_server(server)
    served = {label: sum(r["requests"] for r in runs[label]) for label in ports}
    ratio = statistics.median(ratios)
    per_request = {label: 1000 * cpu[label] / served[label] for label in ports}
    cpu_ratio = per_request["off"] / per_request["on"]
    print(
        f"article page, median ratio of {args.rounds} paired rounds: {ratio:.3f} "
        f"(cost {100 * (1 - ratio):.1f}%); mean on "
        f"{statistics.mean(r['rps'] for r in runs['on']):.1f} req/s, off "
        f"{statistics.mean(r['rps'] for r in runs['off']):.1f} req/s"
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
    cookie = shell(
        env,
        (
            "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, "
            "HASH_SESSION_KEY; from django.contrib.auth.models import Group; "
            "from django.contrib.sessions.backends.db import SessionStore; "
            "U = get_user_model(); u, _ = U.objects.get_or_create(username='bench-admin', "
            "defaults={'is_staff': True}); u.groups.add(Group.objects.get(name='Quản trị viên')); "
            "s = SessionStore(); s[SESSION_KEY] = str(u.pk); "
            "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'; "
            "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
        ),
    )
    server = start_server(
        environment(env["DATABASE_URL"], STATS_ENABLED="1"), PORT_ON, 1
    )
    timings = []
    try:
        url = f"http://127.0.0.1:{PORT_ON}/admin/stats/dailytraffic/?range=365"
        for n in range(args.dashboard_requests + 1):
            request = urllib.request.Request(
                url, headers={"Cookie": f"sessionid={cookie}"}
            )
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read()
                assert response.status == 200 and b"chart-daily" in body
            if n:  # the first request warms the worker
                timings.append(1000 * (time.perf_counter() - started))
    finally:
        stop_server(server)
    timings.sort()
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
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-dashboard", action="store_true")
    args = parser.parse_args()

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
