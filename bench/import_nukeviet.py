"""How long import_nukeviet takes: a first import, then a second run that finds
nothing changed.

    .venv/bin/python bench/import_nukeviet.py [ARTICLES]    # default 2000

Builds a NukeViet database (nv_test_bench_…, dropped afterwards) on
NUKEVIET_TEST_DATABASE_URL (default root at 127.0.0.1:3306) after the test
schema: ARTICLES articles with a 3 KB body, two tags and two comments each, in
20 categories. Both runs happen inside a transaction that is rolled back, so the
portal's database is left as it was (only the article id sequence moves).
"""

import io
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from tests.legacy.conftest import SCHEMA, SERVER, server_connection  # noqa: E402
from tests.legacy.nukeviet_data import article, insert_article, ts  # noqa: E402

BODY = "<p>" + "Hội nghị tổng kết công tác thi đua khen thưởng năm 2023. " * 55 + "</p>"


def build(cursor, articles):
    code = "\n".join(
        line for line in SCHEMA.read_text().splitlines() if not line.startswith("--")
    )
    for statement in code.split(";"):
        if statement.strip():
            cursor.execute(statement)
    cursor.execute(
        "INSERT INTO nv4_vi_modules (title, module_file, module_data, module_upload, "
        "custom_title, groups_view, act) VALUES ('news', 'news', 'news', 'news', "
        "'Tin tức', '6', 1)"
    )
    cursor.execute(
        "INSERT INTO nv4_config (lang, module, config_name, config_value) "
        "VALUES ('vi', 'global', 'site_home_module', 'news')"
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_news_cat (catid, title, alias, weight, status) "
        "VALUES (%s, %s, %s, %s, 1)",
        [(n, f"Chuyên mục {n}", f"chuyen-muc-{n}", n) for n in range(1, 21)],
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_news_tags (tid, alias) VALUES (%s, %s)",
        [(n, f"từ-khóa-{n}") for n in range(1, 201)],
    )
    start = ts(2015, 1, 1, 7, 0)
    for n in range(1, articles + 1):
        catid = n % 20 + 1
        row = article(
            catid=catid,
            listcatid=str(catid),
            title=f"Bài viết số {n} về thi đua &amp; khen thưởng",
            alias=f"bai-viet-so-{n}",
            publtime=start + n * 3600,
            bodyhtml=BODY,
            hitstotal=n,
            total_rating=8,
            click_rating=2,
        )
        insert_article(cursor, n, row)
        cursor.executemany(
            "INSERT INTO nv4_vi_news_tags_id (id, tid, keyword) VALUES (%s, %s, %s)",
            [(n, t, f"từ khóa {t}") for t in (n % 200 + 1, (n + 7) % 200 + 1)],
        )
        cursor.executemany(
            "INSERT INTO nv4_vi_comment (module, id, pid, content, post_time, "
            "post_name, post_email, post_ip, status) "
            "VALUES ('news', %s, 0, %s, %s, 'Bạn đọc', 'a@example.org', '1.2.3.4', 1)",
            [(n, f"Ý kiến {k} về bài {n}.", start + n * 3600 + k) for k in (1, 2)],
        )


class Rollback(Exception):
    pass


def main():
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    name = f"nv_test_bench_{uuid.uuid4().hex[:8]}"
    server = server_connection()
    server.cursor().execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
    try:
        old = server_connection(name)
        build(old.cursor(), articles)
        url = SERVER.rstrip("/") + "/" + name
        timings = []
        try:
            with transaction.atomic():
                for _run in range(2):
                    began = time.perf_counter()
                    call_command(
                        "import_nukeviet", "--database", url, stdout=io.StringIO()
                    )
                    timings.append(time.perf_counter() - began)
                raise Rollback
        except Rollback:
            pass
        print(
            f"{articles} articles, {2 * articles} comments on {connection.vendor}: "
            f"first import {timings[0]:.1f} s ({articles / timings[0]:.0f} articles/s), "
            f"second run {timings[1]:.1f} s"
        )
    finally:
        server.cursor().execute(f"DROP DATABASE IF EXISTS {name}")


if __name__ == "__main__":
    main()
