"""Real app servers for tests that need several processes: gunicorn with
production settings (DEBUG off) on the test database."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """A URL for the test database, which the servers share with the test."""
    from urllib.parse import urlsplit, urlunsplit

    from django.conf import settings

    parts = urlsplit(settings.DATABASE_URL)
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_servers(count, **environment):
    """``count`` gunicorn servers (one sync worker each), yielding their base URLs."""
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        TESTING="1",  # plain static files storage: no collectstatic needed
        SECRET_KEY="test-servers-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(ROOT / "var" / "test-servers-media"),
        LOG_LEVEL="ERROR",
        SECURE_COOKIES="0",  # plain http here
        SECURE_SSL_REDIRECT="0",
    )
    env.update({name: str(value) for name, value in environment.items()})
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(
                [gunicorn, "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"]
                + ["--no-control-socket", "--access-logfile", "/dev/null"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(ROOT / "var" / f"test-server-{port}.log", "w"),
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, url in servers:
            wait_until_up(process, url)
        yield [url for _process, url in servers]
    finally:
        for process, _url in servers:
            process.terminate()
        for process, _url in servers:
            process.wait(timeout=10)


def wait_until_up(process, url, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn at {url} exited (see var/test-server-*.log)")
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2).read()
            return
        except OSError:  # not listening yet, or still starting
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn at {url} did not answer in {seconds} s")


class Browser:
    """A reader with cookies, across servers (cookies are per host, and every
    server here is 127.0.0.1)."""

    def __init__(self):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def get(self, url):
        return self.request(url)

    def post(self, url, data):
        body = urllib.parse.urlencode(data).encode()
        return self.request(url, body, {"Referer": url})

    def request(self, url, body=None, headers=None):
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), None)

    def drop_cookie(self, name):
        for cookie in list(self.cookies):
            if cookie.name == name:
                self.cookies.clear(cookie.domain, cookie.path, cookie.name)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
