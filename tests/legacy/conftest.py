"""A real MariaDB (or MySQL) database for the import tests, built from
nukeviet_schema.sql and filled by nukeviet_data.

The server is NUKEVIET_TEST_DATABASE_URL (default: root at 127.0.0.1:3306). Each
test gets its own database named nv_test_..., dropped afterwards. Without a
server the tests fail in CI (CI=true) and are skipped locally, saying why.
"""

import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pymysql
import pytest
from django.core.management import call_command
from django.utils import timezone

from news.legacy.nukeviet import parse_database_url
from tests.legacy import nukeviet_data

SERVER = os.environ.get("NUKEVIET_TEST_DATABASE_URL", "mysql://root@127.0.0.1:3306/")
SCHEMA = Path(__file__).with_name("nukeviet_schema.sql")


def server_connection(database=None):
    address = parse_database_url(SERVER.rstrip("/") + "/mysql")
    return pymysql.connect(
        host=address.host,
        port=address.port,
        user=address.user,
        password=address.password,
        unix_socket=address.unix_socket or None,
        database=database,
        charset="utf8mb4",
        autocommit=True,
        connect_timeout=5,
    )


@pytest.fixture(scope="session")
def mariadb():
    """A connection to the test server, or a clear failure (CI) or skip."""
    try:
        connection = server_connection()
    except pymysql.err.Error as error:
        reason = (
            f"No MariaDB/MySQL at {SERVER} ({error.args[-1]}): the NukeViet import "
            "tests need one (set NUKEVIET_TEST_DATABASE_URL)."
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    yield connection
    connection.close()


@dataclass
class OldSite:
    """A NukeViet database built for one test."""

    name: str
    url: str
    uploads: Path
    connection: object

    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def run(self, *args, **options):
        """``import_nukeviet`` on this database; returns its output."""
        out = io.StringIO()
        call_command(
            "import_nukeviet",
            "--database",
            self.url,
            "--uploads",
            str(self.uploads),
            *args,
            stdout=out,
            stderr=io.StringIO(),
            **options,
        )
        return out.getvalue()


@pytest.fixture
def old_site(mariadb, tmp_path):
    name = f"nv_test_{uuid.uuid4().hex[:12]}"
    with mariadb.cursor() as cursor:
        cursor.execute(
            f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )
    connection = server_connection(name)
    try:
        with connection.cursor() as cursor:
            code = "\n".join(
                line
                for line in SCHEMA.read_text().splitlines()
                if not line.startswith("--")
            )
            for statement in code.split(";"):
                if statement.strip():
                    cursor.execute(statement)
            nukeviet_data.fill(cursor, timezone.now())
        uploads = tmp_path / "uploads"
        uploads.mkdir()
        nukeviet_data.fill_uploads(uploads)
        yield OldSite(
            name=name,
            url=SERVER.rstrip("/") + "/" + name,
            uploads=uploads,
            connection=connection,
        )
    finally:
        connection.close()
        with mariadb.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
