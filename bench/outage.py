"""A database outage under load, second by second (docs/deploy.md, "Outages").

    .venv/bin/python bench/outage.py [--workers 3] [--threads 8] [--outage 5]

Makes a PostgreSQL cluster of its own under a temporary folder (the embedded
server's binaries), migrates a database there with a little content, starts
gunicorn with production settings on port 8320, and loads three pages from
several threads. After a few seconds PostgreSQL is stopped for ``--outage``
seconds and started again. Prints, for each second, how many answers were 200,
503 or anything else, how long after the restart pages came back, whether the
gunicorn processes are the same as before, and what the outage wrote to the log.
Nothing outside its own folder and port is touched.
"""

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.deploy.harness import (  # noqa: E402
    SMALL_SITE,
    AppServer,
    Load,
    ThrowawayPostgres,
    collect_static,
    manage,
    production_env,
)

PORT = 8320
PATHS = ["/", "/tin-tuc/thoi-su/", "/tim-kiem/?q=tin"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--before", type=float, default=5)
    parser.add_argument("--outage", type=float, default=5)
    parser.add_argument("--after", type=float, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-outage-") as folder:
        folder = Path(folder)
        postgres = ThrowawayPostgres(folder).start()
        server = None
        try:
            env = production_env(postgres.create_database("portal_w10_bench"))
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "shell", "-c", SMALL_SITE)
            collect_static()
            server = AppServer(
                env, PORT, folder / "app.log", workers=args.workers, access_log=False
            ).start()
            pids = server.pids()
            with Load(server.url, PATHS, threads=args.threads) as load:
                start = time.monotonic()
                time.sleep(args.before)
                stopping = time.monotonic()
                postgres.stop()
                stopped = time.monotonic()
                time.sleep(args.outage)
                starting = time.monotonic()
                postgres.start()
                started = time.monotonic()
                time.sleep(args.after)
            same = server.process.poll() is None and server.pids() == pids
            log = server.log()
        finally:
            if server:
                server.stop()
            postgres.destroy()

    print(
        f"gunicorn {args.workers} sync workers, {args.threads} client threads; "
        f"PostgreSQL stopped at {stopping - start:.1f} s (took "
        f"{stopped - stopping:.1f} s), started at {starting - start:.1f} s (took "
        f"{started - starting:.1f} s)"
    )
    seconds = collections.defaultdict(collections.Counter)
    for at, _path, status, _retry, _body in load.results:
        seconds[int(at - start)][status] += 1
    for second in sorted(seconds):
        counts = seconds[second]
        other = sum(n for status, n in counts.items() if status not in (200, 503))
        print(
            f"  {second:3d} s: {counts[200]:5d} × 200  {counts[503]:5d} × 503"
            f"  {other:3d} other"
        )
    statuses = collections.Counter(row[2] for row in load.results)
    during = [row for row in load.results if stopped <= row[0] < starting]
    first_ok = next(
        (row[0] for row in load.results if row[0] >= started and row[2] == 200), None
    )
    print(f"all answers: {dict(statuses)}")
    print(
        f"during the outage: {len(during)} answers, "
        f"{sum(row[2] == 503 for row in during)} of them 503 with Retry-After "
        f"{sorted({row[3] for row in during if row[2] == 503})}"
    )
    if first_ok is not None:
        print(f"first 200 after the restart: {first_ok - started:.2f} s")
    print(f"same gunicorn processes throughout: {same}")
    print(
        "log: "
        f"{log.count('Database unreachable')} 'Database unreachable' line(s), "
        f"{log.count('Database reachable again')} 'reachable again' line(s), "
        f"{log.count('Traceback')} traceback(s)"
    )
    for line in log.splitlines():
        if "Database" in line:
            print("  " + line)


if __name__ == "__main__":
    main()
