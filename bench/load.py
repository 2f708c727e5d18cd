"""Load for the benchmarks: wrk with bench/visitors.lua, or the same load from
Python threads when wrk is missing. Every request is a reader's: ~1,000 addresses
(X-Forwarded-For), four browsers, ``Connection: close`` (see README.md).
"""

import os
import random
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

VISITORS_LUA = Path(__file__).resolve().parent / "visitors.lua"

# The readers of bench/visitors.lua, for the Python load generator: ~1,000
# addresses from the documentation ranges (X-Forwarded-For, with TRUSTED_PROXIES=1)
# and four browsers' user agents, so that every request is a reader's page view.
AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
]
ADDRESS_RANGES = ["192.0.2.", "198.51.100.", "203.0.113.", "233.252.0."]


def reader_headers(rng=random):
    return {
        "X-Forwarded-For": f"{rng.choice(ADDRESS_RANGES)}{rng.randint(1, 254)}",
        "User-Agent": rng.choice(AGENTS),
        "Connection": "close",
    }


@dataclass
class Load:
    requests: int  # completed
    errors: int  # socket errors and answers other than 2xx/3xx
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_load(url, path, *, seconds, connections, threads=2):
    """wrk with bench/visitors.lua: ~1,000 readers, ``Connection: close``."""
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(threads, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            # A slow answer is a slow answer, not an error (wrk's default is 2 s).
            "--timeout",
            "60s",
            "--latency",
            "-s",
            str(VISITORS_LUA),
            url,
        ],
        env=dict(os.environ, BENCH_PATH=path),
        text=True,
        capture_output=True,
        timeout=seconds + 120,
    )
    if result.returncode or "RESULT" not in result.stdout:
        raise SystemExit(f"wrk failed: {result.stdout}{result.stderr}")
    totals = dict(re.findall(r"(\w+)=([\d.]+)", result.stdout.split("RESULT", 1)[1]))

    def percentile(label):
        value, unit = re.search(
            rf"{label}%\s+([\d.]+)(us|ms|s|m)\b", result.stdout
        ).groups()
        return float(value) * _UNITS_MS[unit]

    return Load(
        requests=int(totals["requests"]),
        errors=int(totals["errors"]) + int(totals["non2xx"]),
        seconds=float(totals["seconds"]),
        p50_ms=percentile(50),
        p99_ms=percentile(99),
    )


def python_load(url, path, *, seconds, connections, threads=None):
    """The same load as wrk's from ``connections`` Python threads, each sending
    one request at a time on a new connection (``Connection: close``). Slower
    than wrk, and it takes CPU from the machine it measures: req/s and p99 come
    out lower, the server's CPU per request hardly changes."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    deadline = time.monotonic() + seconds
    latencies, errors = [], []
    lock = threading.Lock()

    def reader(seed):
        rng = random.Random(seed)
        done, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection = HTTPConnection(host, port, timeout=60)
                connection.request("GET", path, headers=reader_headers(rng))
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status >= 400:
                    failed += 1
                    continue
            except OSError:
                failed += 1
                continue
            done.append(time.perf_counter() - started)
        with lock:
            latencies.extend(done)
            errors.append(failed)

    started = time.monotonic()
    workers = [threading.Thread(target=reader, args=(n,)) for n in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(share):
        if not latencies:
            return 0.0
        return 1000 * latencies[min(len(latencies) - 1, int(share * len(latencies)))]

    return Load(
        requests=len(latencies),
        errors=sum(errors),
        seconds=elapsed,
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
    )


def load_generator(choice="auto"):
    """wrk when installed (or asked for), else the Python generator, said aloud."""
    if choice == "python":
        return "python", python_load
    if shutil.which("wrk"):
        return "wrk", wrk_load
    if choice == "wrk":
        raise SystemExit(
            "wrk is not installed: apt-get install wrk (Debian/Ubuntu), "
            "brew install wrk (macOS), or run with --load python."
        )
    print(
        "wrk is not installed (apt-get install wrk): using the Python load "
        "generator, which competes with the server for CPU; req/s and p99 come out "
        "lower, CPU per request hardly changes.",
        flush=True,
    )
    return "python", python_load
