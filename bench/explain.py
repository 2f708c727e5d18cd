"""The SQL queries a page runs and what each one took, and with ``--plans`` the query
plans (EXPLAIN ANALYZE) of its queries on articles, in the database DATABASE_URL
names.

    DATABASE_URL=... .venv/bin/python bench/explain.py [--plans] PATH [PATH ...]

Each page is asked for twice, in this process through the whole middleware stack,
and the second request's queries are shown: the first fills the caches, as a
served page finds them. bench/growth.py runs it on the grown database.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from load import AGENTS  # noqa: E402

ARTICLE_TABLES = ('"news_article"', '"news_taggedarticle"')


def timed(queries):
    """An execute wrapper that keeps (seconds, SQL as sent) of every query."""

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds = time.perf_counter() - started
            sent = connection.ops.last_executed_query(context["cursor"], sql, params)
            queries.append((seconds, sent))

    return wrapper


def show(path, plans):
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT=AGENTS[0])
    client.get(path)
    queries = []
    with connection.execute_wrapper(timed(queries)):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    in_database = sum(seconds for seconds, _sql in queries)
    print(
        f"\n{path}: status {response.status_code}, {len(response.content):,} bytes, "
        f"{1000 * elapsed:.1f} ms, {len(queries)} queries taking "
        f"{1000 * in_database:.1f} ms"
    )
    for seconds, sql in queries:
        print(f"  {1000 * seconds:8.2f} ms  {' '.join(sql.split())[:150]}")
    if not plans:
        return
    for _seconds, sql in queries:
        if sql.startswith("SELECT") and any(table in sql for table in ARTICLE_TABLES):
            print(f"\n  EXPLAIN (ANALYZE, BUFFERS) {sql}")
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                for (line,) in cursor.fetchall():
                    print(f"    {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", action="store_true")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    for path in args.paths:
        show(path, args.plans)


if __name__ == "__main__":
    main()
