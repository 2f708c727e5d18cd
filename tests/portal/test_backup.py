"""`manage.py backup` and `restore`: a site with articles, comments, votes, statistics
and pictures goes into a backup folder and comes back into a fresh database and an
empty media folder with every count the same."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from news.gallery.services import add_photos
from stats.services import record_page_view, rollup
from tests.deploy.harness import ROOT, database_url
from tests.factories import (
    image_upload,
    make_album,
    make_article,
    make_comment,
    make_user,
    make_vote,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(settings):
    articles = [
        make_article(title=f"Bài số {n}", image=image_upload(f"anh-{n}.jpg"))
        for n in range(3)
    ]
    for article in articles:
        make_comment(article=article)
        make_vote(article, 5)
        make_vote(article, 3, user=make_user())
        for n in range(4):
            record_page_view(
                at=timezone.now(), visitor=f"khach-{n}", article_id=article.pk
            )
    rollup()
    album = make_album(title="Album")
    add_photos(album=album, files=[image_upload("le-hoi.jpg")])
    return articles


@pytest.fixture
def fresh_database():
    """An empty database on the test server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = psycopg2.connect(
        database_url({**connection.settings_dict, "NAME": "postgres"})
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield database_url({**connection.settings_dict, "NAME": name})
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def counts_in(url):
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed
        }
    )
    db = psycopg2.connect(url)
    try:
        with db.cursor() as cursor:
            result = {}
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')
                result[table] = cursor.fetchone()[0]
            return result
    finally:
        db.close()


def files_in(folder):
    folder = Path(folder)
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def restore(source, url, media_root, *extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MEDIA_ROOT", "MEDIA_STORAGE", "REDIS_URL"}
    }
    env.update(DATABASE_URL=url, MEDIA_ROOT=str(media_root))
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(source), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_backup_then_restore_into_a_fresh_database_reproduces_every_count(
    site, settings, tmp_path, fresh_database
):
    source_counts = counts_in(database_url(connection.settings_dict))
    assert source_counts["news_article"] == 3
    assert source_counts["comments_comment"] == 3
    assert source_counts["ratings_vote"] == 6
    assert source_counts["stats_articledailyviews"] == 3
    assert source_counts["gallery_photo"] == 1
    source_files = files_in(settings.MEDIA_ROOT)
    assert len(source_files) > 4  # pictures and their renditions

    backup = tmp_path / "backup"
    call_command("backup", str(backup))
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["counts"] == {
        table: count for table, count in source_counts.items()
    }
    assert manifest["media"]["files"] == len(source_files)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server_major = int(cursor.fetchone()[0]) // 10000
    # The pg_dump used is the server's own major version, and says so.
    assert manifest["versions"]["pg_dump_major"] == server_major
    assert f"PostgreSQL) {server_major}." in manifest["versions"]["pg_dump"]
    # The last migration applied, per app.
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder.Migration.objects.filter(app="news")
    assert manifest["migrations"]["news"] == max(applied.values_list("name", flat=True))

    media = tmp_path / "restored-media"
    result = restore(backup, fresh_database, media)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every count matches the manifest" in result.stdout
    assert counts_in(fresh_database) == source_counts
    assert files_in(media) == source_files

    # Now the target holds a site: a second restore is refused unless told.
    again = restore(backup, fresh_database, media)
    assert again.returncode != 0
    assert "The target is not empty" in again.stderr
    assert "--force" in again.stderr
    forced = restore(backup, fresh_database, media, "--force")
    assert forced.returncode == 0, forced.stderr
    assert counts_in(fresh_database) == source_counts
    assert files_in(media) == source_files


def test_a_damaged_backup_is_refused_before_anything_is_written(
    site, tmp_path, fresh_database
):
    backup = tmp_path / "backup"
    call_command("backup", str(backup))
    with open(backup / "database.dump", "r+b") as dump:
        dump.seek(100)
        dump.write(b"\0\0\0\0")
    result = restore(backup, fresh_database, tmp_path / "media")
    assert result.returncode != 0
    assert "damaged" in result.stderr
    db = psycopg2.connect(fresh_database)
    with db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone()[0] == 0
    db.close()


def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path))
