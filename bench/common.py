"""What the benchmarks share (see README.md): their databases, gunicorn servers run
as ``make serve`` runs them, the CPU those servers spend (read from /proc), the
page views the site recorded, and one measurement of a page (load: load.py).

Only the standard library and psycopg2: the scripts drive the site from outside,
through HTTP, and run Django itself only in ``manage.py`` subprocesses.
"""

import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from load import Load, reader_headers

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
TICKS = os.sysconf("SC_CLK_TCK")

# Databases -------------------------------------------------------------------


def server_url():
    """The bench PostgreSQL server: BENCH_DATABASE_URL's, else the embedded one."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    from portal.devdb import embedded_database_url

    return embedded_database_url(ROOT)


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def connect(url):
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    return connection


def database_url(name, *, fresh=False):
    """The URL of database ``name`` on the bench server, created if missing (and
    dropped first if ``fresh``). Development data is never touched."""
    assert name.startswith("portal_bench"), name
    base = server_url()
    connection = connect(with_database(base, "postgres"))
    try:
        with connection.cursor() as cursor:
            if fresh:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()
    return with_database(base, name)


def environment(database_url, **extra):
    """``make serve``'s settings (DEBUG off, whitenoise, persistent connections)
    for a bench database, with static files and media of its own under var/."""
    env = dict(os.environ)
    env.pop("PGAPPNAME", None)
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        MEDIA_ROOT=str(ROOT / "var" / "bench-media"),
        TRUSTED_PROXIES="1",
        SECURE_COOKIES="0",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on this machine
        LOG_LEVEL="ERROR",
        # Persistent like make serve's 60 s, but not renewed in the middle of a
        # run: a backend that ended between two readings of /proc would take
        # its CPU time with it.
        CONN_MAX_AGE="3600",
        # No parallel query: its worker processes live for one query, between two
        # readings of /proc, and their CPU could not be counted. With 2 cores and
        # 16 readers at once there is no idle core for them to use anyway.
        PGOPTIONS="-c max_parallel_workers_per_gather=0",
    )
    env.update({key: str(value) for key, value in extra.items()})
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


def prepare_demo(env):
    """What ``make demo`` does, into the bench database, and the static files."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", capture=True)
    manage(env, "stats_generate_history", "--days", "90", capture=True)
    manage(env, "collectstatic", "--noinput", "-v0")


# Servers and their CPU ----------------------------------------------------------


def stop_servers_on_sigterm():
    """Make SIGTERM unwind like Ctrl-C, so that ``finally`` blocks stop the
    servers (they run in sessions of their own and would outlive the script)."""
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))


def process_cpu(pid):
    """User + system CPU seconds a process has used, or None once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def child_pids(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


class Server:
    """A gunicorn server with sync workers, as ``make serve`` runs it.

    Its CPU is that of its workers and of the PostgreSQL backends serving them,
    found by the ``application_name`` the server's connections carry (PGAPPNAME).
    """

    def __init__(self, name, *, port, env, workers):
        self.name, self.port, self.workers = name, port, workers
        self.application_name = f"bench-{name}-{port}"
        self.env = dict(env, PGAPPNAME=self.application_name)
        self.database_url = env["DATABASE_URL"]
        self.url = f"http://127.0.0.1:{port}"
        self.process = None
        self._monitor = None

    def start(self):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                str(self.workers),
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
                # Several servers at once: none takes over gunicorn's one control
                # socket in the home folder.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        for _ in range(150):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(
            f"gunicorn on port {self.port} did not answer (is the port taken?)"
        )

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        if self._monitor is not None:
            self._monitor.close()
            self._monitor = None

    def backend_pids(self):
        if self._monitor is None:
            self._monitor = connect(self.database_url)
        with self._monitor.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s",
                [self.application_name],
            )
            return [row[0] for row in cursor.fetchall()]

    def cpu_times(self):
        """``{pid: CPU seconds}`` of the workers and their database backends."""
        pids = [*child_pids(self.process.pid), *self.backend_pids()]
        times = {pid: process_cpu(pid) for pid in pids}
        return {pid: cpu for pid, cpu in times.items() if cpu is not None}

    def wait_idle(self, quiet_seconds=0.5, limit=15):
        """Wait until the requests still queued when a load stopped are served."""
        deadline = time.monotonic() + limit
        last = sum(self.cpu_times().values())
        while time.monotonic() < deadline:
            time.sleep(quiet_seconds)
            now = sum(self.cpu_times().values())
            if now - last < 0.02:
                return
            last = now


def cpu_spent(before, after):
    """CPU seconds spent between two readings of ``Server.cpu_times``, and the
    processes that ended in between (their last seconds are lost)."""
    spent = sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())
    return spent, sorted(set(before) - set(after))


# Page views --------------------------------------------------------------------


class PageViewCounter:
    """Readers' page views recorded in ``stats_pageview`` since a mark.

    Raw rows stay 30 minutes after they are rolled up (stats.services.RAW_KEEP),
    so counting right after a run sees every row of that run.
    """

    def __init__(self, database_url):
        self.connection = connect(database_url)

    def mark(self):
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM stats_pageview")
            return cursor.fetchone()[0]

    def since(self, mark):
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM stats_pageview WHERE id > %s AND NOT is_bot",
                [mark],
            )
            return cursor.fetchone()[0]

    def close(self):
        self.connection.close()


# One measurement ----------------------------------------------------------------


@dataclass
class Run:
    load: Load
    cpu_seconds: float
    recorded: int
    gone: list

    @property
    def cpu_ms(self):
        """CPU per request served, in milliseconds."""
        return 1000 * self.cpu_seconds / self.load.requests if self.load.requests else 0


def measure(server, path, *, seconds, connections, generate, counter):
    """Load ``path`` on ``server`` and read what it cost.

    The CPU is read right when the load stops, so it covers the requests that
    completed (at most one per worker was still being served); the page views are
    counted once the requests still queued then have been served too.
    """
    mark = counter.mark()
    before = server.cpu_times()
    load = generate(server.url, path, seconds=seconds, connections=connections)
    after = server.cpu_times()
    server.wait_idle()
    spent, gone = cpu_spent(before, after)
    return Run(load=load, cpu_seconds=spent, recorded=counter.since(mark), gone=gone)


def fetch(url, headers=None):
    """(status, body) of one GET, as a reader."""
    request = urllib.request.Request(url, headers=headers or reader_headers())
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def median(values):
    return statistics.median(values) if values else float("nan")


# The statistics dashboard -------------------------------------------------------

ADMIN_SESSION = """
from django.contrib.auth import (
    BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model,
)
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
user, _ = get_user_model().objects.get_or_create(
    username="bench-admin", defaults={"is_staff": True}
)
user.groups.add(Group.objects.get(name="Quản trị viên"))
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def admin_session(env):
    """A signed-in administrator's session key in the bench database."""
    return shell(env, ADMIN_SESSION)


def time_dashboard(server, session_key, requests=20, days=365):
    """Milliseconds each of ``requests`` dashboard requests took (after one to
    warm the worker up), sorted."""
    url = f"{server.url}/admin/stats/dailytraffic/?range={days}"
    timings = []
    for n in range(requests + 1):
        started = time.perf_counter()
        status, body = fetch(url, {"Cookie": f"sessionid={session_key}"})
        if status != 200 or b"chart-daily" not in body:
            raise SystemExit(f"the dashboard answered {status}")
        if n:
            timings.append(1000 * (time.perf_counter() - started))
    return sorted(timings)


# The machine ----------------------------------------------------------------------


def load_average():
    """The machine's load average (1 and 5 minutes), for the record."""
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f}/{five:.2f}"


def describe_machine(generator_name, workers, connections, seconds):
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else ""
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=ROOT,
        text=True,
        capture_output=True,
    ).stdout.strip()
    return (
        f"{datetime.now():%d/%m/%Y %H:%M}; {platform.node()}: {os.cpu_count()} "
        f"cores ({model}), {load_average()}; code {commit}\n"
        f"gunicorn {workers} sync workers per server, DEBUG=0, whitenoise, "
        f"persistent connections; load: {generator_name}, {connections} connections, "
        f"Connection: close, ~1,000 readers by X-Forwarded-For; {seconds} s per run"
    )


def dump_json(path, data):
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
