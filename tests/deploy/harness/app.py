"""gunicorn serving the portal, and readers loading it."""

import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import requests

from tests.deploy.harness.base import BROWSER, GUNICORN, ROOT, wait_for


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
