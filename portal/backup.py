"""Backups of the whole site: the database, the uploaded media and a manifest.

A backup is a folder:

- ``database.dump``: ``pg_dump --format=custom`` of the database;
- ``media.tar``: every file of the media storage (local folder or S3 bucket);
- ``manifest.json``: versions (portal, Django, PostgreSQL, the pg_dump used),
  the applied migrations, the row count of every table and each file's size and
  SHA-256.

The dump and the counts come from one snapshot: the counts are taken in a
repeatable-read transaction whose snapshot pg_dump is handed (``--snapshot``), so
the manifest describes exactly what the dump holds. Media files are archived
after the dump; a file uploaded meanwhile is in the archive without a row, a file
deleted meanwhile is missing (pictures are only ever added or deleted, never
changed in place).

``restore`` loads a backup into an empty database and an empty media storage,
refuses a non-empty target unless told (``force``), and checks every count
against the manifest afterwards.
"""

import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

DUMP, MEDIA, MANIFEST = "database.dump", "media.tar", "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Program:
    path: str
    major: int
    version: str


# -- PostgreSQL client programs --------------------------------------------------


def program_dirs():
    """Where pg_dump and pg_restore are looked for, in order of preference."""
    dirs = []
    if settings.PG_BIN_DIR:
        dirs.append(Path(settings.PG_BIN_DIR))
    # The embedded server (pgserver) ships its own; found without importing it.
    spec = importlib.util.find_spec("pgserver")
    if spec and spec.submodule_search_locations:
        dirs.append(Path(spec.submodule_search_locations[0]) / "pginstall" / "bin")
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        if entry:
            dirs.append(Path(entry))
    dirs.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    return dirs


def find_program(name, *, server_major, minimum_major=0):
    """The ``name`` program (pg_dump, pg_restore) that fits a server of
    ``server_major``: the same major version if there is one, else the oldest
    newer one (a client may be newer than the server, never older)."""
    found, seen = [], set()
    for folder in program_dirs():
        path = folder / name
        if not path.is_file() or not os.access(path, os.X_OK):
            continue
        real = path.resolve()
        if real in seen:
            continue
        seen.add(real)
        version = program_version(path)
        if version is not None:
            found.append(version)
    fitting = [p for p in found if p.major >= max(server_major, minimum_major or 0)]
    if not fitting:
        versions = ", ".join(f"{p.path} ({p.major})" for p in found) or "none"
        raise BackupError(
            f"No {name} of PostgreSQL {max(server_major, minimum_major)} or newer "
            f"was found (found: {versions}). Install the PostgreSQL client "
            f"programs of the server's version, or set PG_BIN_DIR to their folder."
        )
    return min(fitting, key=lambda p: (p.major != server_major, p.major))


def program_version(path):
    try:
        output = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=30
        ).stdout
    except OSError:
        return None
    match = re.search(r"(\d+)(?:\.(\d+))?", output)
    if not match:
        return None
    return Program(path=str(path), major=int(match.group(1)), version=output.strip())


def server_version():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        number = int(cursor.fetchone()[0])
        cursor.execute("SHOW server_version")
        text = cursor.fetchone()[0]
    return number // 10000, text


def libpq_arguments():
    """(connection string, environment) for the client programs, from the
    default database's settings (the password goes in the environment)."""
    db = connection.settings_dict
    options = db.get("OPTIONS") or {}
    parts = {
        "host": db.get("HOST") or options.get("host"),
        "port": db.get("PORT") or options.get("port"),
        "user": db.get("USER"),
        "dbname": db["NAME"],
        "sslmode": options.get("sslmode"),
    }
    conninfo = " ".join(
        f"{key}={_quote(value)}" for key, value in parts.items() if value
    )
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return conninfo, env


def _quote(value):
    """A libpq connection-string value, quoted."""
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


# -- What a site holds -----------------------------------------------------------


def table_counts():
    """Rows in every table of the installed models, by table name."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table in existing:
                cursor.execute(
                    f"SELECT count(*) FROM {connection.ops.quote_name(table)}"
                )
                counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations():
    """The last applied migration of each app."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, max(name) FROM django_migrations GROUP BY app")
        return dict(sorted(cursor.fetchall()))


def media_names(storage=default_storage, folder=""):
    """Every file name in the media storage, folders walked recursively."""
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for name in dirs:
        names.extend(media_names(storage, f"{folder}{name}/"))
    return sorted(names)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def portal_version():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except OSError:
        commit = ""
    return commit or "unknown"


# -- Backup ----------------------------------------------------------------------


def backup(destination, *, log=print):
    """Write a backup of the database and the media into ``destination`` (a new
    or empty folder); return the manifest."""
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty; choose a new folder.")
    destination.mkdir(parents=True, exist_ok=True)
    server_major, server_text = server_version()
    pg_dump = find_program("pg_dump", server_major=server_major)
    conninfo, env = libpq_arguments()
    log(f"PostgreSQL {server_text}; dumping with {pg_dump.path} ({pg_dump.version})")

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        counts = table_counts()
        migrations = applied_migrations()
        dump = subprocess.run(
            [
                pg_dump.path,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={destination / DUMP}",
                f"--dbname={conninfo}",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
    if dump.returncode:
        raise BackupError(f"pg_dump failed: {dump.stderr.strip()}")

    names = media_names()
    media_bytes = 0
    with tarfile.open(destination / MEDIA, "w") as archive:
        for name in names:
            with default_storage.open(name, "rb") as stream:
                info = tarfile.TarInfo(name)
                info.size = default_storage.size(name)
                info.mtime = int(default_storage.get_modified_time(name).timestamp())
                archive.addfile(info, stream)
                media_bytes += info.size
    log(
        f"{sum(counts.values())} rows in {len(counts)} tables, {len(names)} media files"
    )

    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "versions": {
            "portal": portal_version(),
            "django": django.get_version(),
            "python": platform.python_version(),
            "postgresql_server": server_text,
            "pg_dump": pg_dump.version,
            "pg_dump_major": pg_dump.major,
            "pg_dump_path": pg_dump.path,
        },
        "database": connection.settings_dict["NAME"],
        "migrations": migrations,
        "counts": counts,
        "media": {
            "storage": settings.STORAGES["default"]["BACKEND"],
            "files": len(names),
            "bytes": media_bytes,
        },
        "files": {
            name: {
                "bytes": (destination / name).stat().st_size,
                "sha256": sha256(destination / name),
            }
            for name in (DUMP, MEDIA)
        },
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


# -- Restore ---------------------------------------------------------------------


def read_manifest(source):
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} holds no readable {MANIFEST}: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: unknown backup format {manifest.get('format')}.")
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise BackupError(f"{path} is missing or damaged (checksum differs).")
    return manifest


def database_tables():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
        return cursor.fetchone()[0]


def restore(source, *, force=False, log=print):
    """Load the backup in ``source`` into the configured database and media
    storage; both must be empty unless ``force``. Returns (manifest, counts)."""
    source = Path(source)
    manifest = read_manifest(source)
    tables = database_tables()
    existing_media = media_names()
    if not force and (tables or existing_media):
        raise BackupError(
            f"The target is not empty: the database {connection.settings_dict['NAME']} "
            f"has {tables} tables and the media storage {len(existing_media)} files. "
            "Restore into an empty database and media folder, or pass --force to "
            "replace what they hold."
        )
    server_major, server_text = server_version()
    pg_restore = find_program(
        "pg_restore",
        server_major=server_major,
        minimum_major=manifest["versions"]["pg_dump_major"],
    )
    conninfo, env = libpq_arguments()
    log(f"PostgreSQL {server_text}; restoring with {pg_restore.path}")
    command = [
        pg_restore.path,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={conninfo}",
    ]
    if force and tables:
        command += ["--clean", "--if-exists"]
    connection.close()  # pg_restore --clean must not wait for this session's locks
    loaded = subprocess.run(
        [*command, str(source / DUMP)], env=env, capture_output=True, text=True
    )
    if loaded.returncode:
        raise BackupError(f"pg_restore failed: {loaded.stderr.strip()}")

    restored_files = 0
    with tarfile.open(source / MEDIA) as archive:
        for member in archive:
            if not member.isfile():
                continue
            if force and default_storage.exists(member.name):
                default_storage.delete(member.name)
            with tempfile.TemporaryFile() as copy:
                shutil.copyfileobj(archive.extractfile(member), copy)
                copy.seek(0)
                saved = default_storage.save(member.name, File(copy, name=member.name))
            if saved != member.name:
                raise BackupError(f"Media file {member.name} was stored as {saved}.")
            restored_files += 1

    counts = table_counts()
    differences = {
        table: (expected, counts.get(table))
        for table, expected in manifest["counts"].items()
        if counts.get(table) != expected
    }
    if differences:
        raise BackupError(f"Counts differ after the restore: {differences}")
    if restored_files != manifest["media"]["files"]:
        raise BackupError(
            f"{restored_files} media files restored, the backup has "
            f"{manifest['media']['files']}."
        )
    # Cached pages, menus and settings describe the site that was replaced.
    cache.clear()
    log(
        f"{sum(counts.values())} rows in {len(counts)} tables and "
        f"{restored_files} media files restored; every count matches the manifest; "
        "the cache was cleared"
    )
    return manifest, counts
