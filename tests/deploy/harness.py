"""Real servers on this machine for the deploy tests and bench/deploy.py: gunicorn
app servers with production settings, nginx with docs/deploy/nginx.conf, a
PostgreSQL cluster of their own that may be stopped, a Redis that may be killed,
and moto's S3 server. Every one of them is a child process (or, for moto, a thread)
stopped by whoever started it.

Ports: 8300-8349 for gunicorn, nginx and the throwaway Redis, 8350-8359 for the S3
stand-in (see the task notes); no other port is used.
"""

import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
STATIC_ROOT = ROOT / "var" / "deploy-static"
# A 62-character key, as production has (never used outside these tests).
SECRET_KEY = "deploy-tests-only-" + "k3y" * 14 + "x2"
assert len(SECRET_KEY) == 62


BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)


# `manage.py shell -c` code for a site of one category and one article.
SMALL_SITE = """
from news.models import Article, Category
from django.utils import timezone
category = Category.objects.create(name="Thời sự", slug="thoi-su", show_on_home=True)
Article.objects.create(
    title="Tin trong lúc mất kết nối", category=category, body="<p>Nội dung.</p>",
    status=Article.Status.PUBLISHED, publish_at=timezone.now(),
)
"""


def database_url(settings_dict):
    """A DATABASE_URL for a Django connection's settings (socket or TCP)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    options = settings_dict.get("OPTIONS") or {}
    host = settings_dict.get("HOST") or options.get("host") or ""
    port = settings_dict.get("PORT") or options.get("port") or ""
    name = settings_dict["NAME"]
    if host.startswith("/"):
        return f"postgresql://{credentials}/{name}?host={quote(host)}" + (
            f"&port={port}" if port else ""
        )
    return f"postgresql://{credentials}{host}{':' + str(port) if port else ''}/{name}"


def production_env(database_url, **extra):
    """The environment of an app server with production settings (DEBUG off),
    plain HTTP on 127.0.0.1 unless ``extra`` says otherwise."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "TESTING",
            "DJANGO_SETTINGS_MODULE",
            "MEDIA_STORAGE",
            "PYTEST_CURRENT_TEST",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests
        }
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(STATIC_ROOT),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=300):
    return subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
        timeout=timeout,
    ).stdout


_collected = []


def collect_static():
    """Static files as production has them (hashed names, compressed), collected
    into var/deploy-static once per test run (and brought up to date, not redone,
    on later runs)."""
    if not _collected:
        env = production_env("postgres://unused@127.0.0.1:1/unused")
        manage(env, "collectstatic", "--noinput", "-v0")
        _collected.append(STATIC_ROOT)
    return STATIC_ROOT


def wait_for(check, *, timeout, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
        except (OSError, requests.RequestException):
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class AppServer:
    """gunicorn serving the portal on 127.0.0.1:``port``, as docs/deploy/portal.service
    runs it; its log (errors and access lines) goes to ``log_path``."""

    def __init__(self, env, port, log_path, *, workers=2, access_log=True):
        self.env, self.port, self.log_path = env, port, Path(log_path)
        self.workers, self.access_log = workers, access_log
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        command = [
            GUNICORN,
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
            "--error-logfile",
            "-",
        ]
        if self.access_log:
            command += ["--access-logfile", "-"]
        self._log = open(self.log_path, "a")  # noqa: SIM115 (closed in stop)
        # gunicorn's control socket lives in XDG_RUNTIME_DIR: one per server.
        runtime = self.log_path.parent / f"run-{self.port}"
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, "XDG_RUNTIME_DIR": str(runtime)},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for(
                lambda: requests.get(self.url + "/healthz", timeout=2).ok,
                timeout=60,
                what=f"gunicorn on port {self.port}",
            )
        except TimeoutError:
            self.stop()
            raise
        return self

    def pids(self):
        """The master's and the workers' process ids."""
        workers = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], text=True, capture_output=True
        ).stdout.split()
        return {self.process.pid, *map(int, workers)}

    def log(self):
        return self.log_path.read_text(errors="replace")

    def access_lines(self, path_prefix=""):
        pattern = re.compile(r'"(?:GET|POST|HEAD) (\S+) HTTP')
        return [
            match.group(1)
            for match in map(pattern.search, self.log().splitlines())
            if match and match.group(1).startswith(path_prefix)
        ]

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self.process:
            self._log.close()


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own under ``folder``, made with the embedded
    server's binaries (pgserver), that a test may stop and start again."""

    def __init__(self, folder):
        self.data = Path(folder) / "pgdata"
        self.data.mkdir(parents=True, exist_ok=True)
        self.server = None

    def start(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

        if self.server is None:
            self.server = pgserver.get_server(self.data, cleanup_mode="delete")
            self.socket_dir = self.server.get_postmaster_info().socket_dir
        else:
            from pgserver._commands import pg_ctl

            pg_ctl(
                [
                    "-w",
                    "-o",
                    '-h ""',
                    "-o",
                    f"-k {self.socket_dir}",
                    "-l",
                    str(self.data / "log"),
                    "start",
                ],
                pgdata=self.data,
                user=self.server.system_user,
                timeout=30,
            )
        return self

    def stop(self):
        """Stop the server as an administrator would (fast shutdown): sessions are
        ended and new connections refused."""
        stopped = self._pg_ctl("-w", "-t", "30", "-m", "fast", "stop")
        if stopped.returncode and self._pg_ctl("status").returncode != 3:
            raise RuntimeError(f"pg_ctl stop failed: {stopped.stdout}{stopped.stderr}")

    def _pg_ctl(self, *args):
        """pg_ctl as the server's own user (pgserver's when running as root);
        status 3 from ``pg_ctl status`` means no server is running."""
        from pgserver._commands import POSTGRES_BIN_PATH

        return subprocess.run(
            [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.data), *args],
            user=self.server.system_user,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def url(self, database="postgres"):
        return f"postgresql://postgres@/{database}?host={quote(str(self.socket_dir))}"

    def create_database(self, name):
        import psycopg2

        connection = psycopg2.connect(self.url())
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        return self.url(name)

    def destroy(self):
        if self.server is not None:
            try:
                self.server.cleanup()
            except Exception:  # already stopped by the test: remove the files
                shutil.rmtree(self.data, ignore_errors=True)


class ThrowawayRedis:
    """A Redis of its own on ``port`` that a test may kill and start again."""

    def __init__(self, port):
        self.port, self.process = port, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.answers, timeout=10, what=f"redis-server on port {self.port}")
        return self

    def answers(self):
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class S3StandIn:
    """moto's S3 server (server mode) on 127.0.0.1:``port``, with one bucket."""

    def __init__(self, port, bucket):
        self.port, self.bucket = port, bucket
        self.server = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def env(self):
        """The portal's settings for this bucket (MEDIA_STORAGE=s3)."""
        return {
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": "test-key",
            "S3_SECRET_ACCESS_KEY": "test-secret",
            "S3_REGION": "us-east-1",
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
            region_name="us-east-1",
        )

    def start(self):
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(
            ip_address="127.0.0.1", port=self.port, verbose=False
        )
        self.server.start()
        client = self.client()
        client.create_bucket(Bucket=self.bucket)
        # As docs/deploy.md asks of a real bucket: anyone may read the media.
        client.put_bucket_policy(Bucket=self.bucket, Policy=public_read(self.bucket))
        return self

    def keys(self, prefix=""):
        listing = self.client().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def stop(self):
        if self.server is not None:
            self.server.stop()


def public_read(bucket):
    """The bucket policy that lets anyone read the objects (not list or write)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


def self_signed_certificate(folder):
    """A certificate and key for localhost, written to ``folder``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = Path(folder) / "cert.pem", Path(folder) / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Nginx:
    """Debian's nginx, as a foreground process with its own prefix under ``folder``,
    running docs/deploy/nginx.conf with local ports, folders and app servers."""

    CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"

    def __init__(self, folder, *, http_port, https_port, upstreams, static_root):
        self.folder = Path(folder)
        self.http_port, self.https_port = http_port, https_port
        self.upstreams, self.static_root = upstreams, Path(static_root)
        self.process = None

    @property
    def url(self):
        return f"https://localhost:{self.https_port}"

    def site_config(self):
        """docs/deploy/nginx.conf with this machine's ports, folders and servers;
        every replaced line must be found, so the test runs the documented file."""
        cert, key = self_signed_certificate(self.folder)
        media = self.folder / "media"
        media.mkdir(exist_ok=True)
        text = self.CONFIG.read_text()
        replacements = [
            (
                "    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n",
                "".join(
                    f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n"
                    for port in self.upstreams
                ),
            ),
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            ("listen [::]:80;\n", ""),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;"),
            ("listen [::]:443 ssl http2;\n", ""),
            ("server_name tin.example.vn;", "server_name localhost 127.0.0.1;"),
            ("/etc/letsencrypt/live/tin.example.vn/fullchain.pem", str(cert)),
            ("/etc/letsencrypt/live/tin.example.vn/privkey.pem", str(key)),
            ("root /srv/portal/static;", f"root {self.static_root};"),
            ("alias /srv/portal/static/;", f"alias {self.static_root}/;"),
            ("alias /srv/portal/media/;", f"alias {media}/;"),
            # The redirect keeps the test's port (a real site listens on 443).
            (
                "return 301 https://$host$request_uri;",
                f"return 301 https://$host:{self.https_port}$request_uri;",
            ),
        ]
        for old, new in replacements:
            if old not in text:
                raise AssertionError(f"docs/deploy/nginx.conf no longer has {old!r}")
            text = text.replace(old, new)
        return text

    def start(self):
        for sub in ("logs", "temp"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        (self.folder / "site.conf").write_text(self.site_config())
        temp = self.folder / "temp"
        main = f"""
user root;
worker_processes 1;
pid {self.folder}/nginx.pid;
error_log {self.folder}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.folder}/logs/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.folder}/site.conf;
}}
"""
        (self.folder / "nginx.conf").write_text(main)
        subprocess.run(
            [
                NGINX,
                "-t",
                "-p",
                str(self.folder),
                "-c",
                str(self.folder / "nginx.conf"),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")]
            + ["-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        wait_for(
            lambda: (
                requests.get(
                    f"http://127.0.0.1:{self.http_port}/",
                    timeout=2,
                    allow_redirects=False,
                ).status_code
                == 301
            ),
            timeout=15,
            what="nginx",
        )
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGQUIT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


class Load:
    """Readers asking for pages without pause from several threads; every answer
    is kept as (time, path, status, Retry-After, body)."""

    def __init__(self, base_url, paths, *, threads=4):
        self.base_url, self.paths, self.threads = base_url, paths, threads
        self.results, self._stop = [], threading.Event()
        self._lock = threading.Lock()

    def _run(self, offset):
        session = requests.Session()
        session.trust_env = False
        session.headers["User-Agent"] = BROWSER
        n = offset
        while not self._stop.is_set():
            path = self.paths[n % len(self.paths)]
            n += 1
            try:
                response = session.get(self.base_url + path, timeout=10)
                row = (
                    time.monotonic(),
                    path,
                    response.status_code,
                    response.headers.get("Retry-After"),
                    response.text,
                )
            except requests.RequestException as error:
                row = (time.monotonic(), path, None, None, str(error))
            with self._lock:
                self.results.append(row)

    def __enter__(self):
        self._threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True)
            for i in range(self.threads)
        ]
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)

    def between(self, start, end):
        return [row for row in self.results if start <= row[0] < end]
