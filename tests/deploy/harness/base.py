"""Settings, commands and waiting shared by the servers the deploy tests start."""

import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[3]
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
