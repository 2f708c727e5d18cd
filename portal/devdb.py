"""The embedded PostgreSQL used when no DATABASE_URL is given.

``pgserver`` ships PostgreSQL 16 in a wheel. The cluster lives under ``var/pgdata``
and keeps running after the process that started it exits, so ``make run`` and
``make test`` share one server and later commands start instantly.
"""

import os
import warnings
from pathlib import Path

DATABASE_NAME = "portal"


def embedded_database_url(base_dir: Path) -> str:
    """Start (or reuse) the embedded server and return a URL for the portal database."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(base_dir / "var" / "run"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    data_dir = base_dir / "var" / "pgdata"
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir, cleanup_mode=None)
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';"
    )
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return server.get_uri(DATABASE_NAME)


if __name__ == "__main__":
    print(embedded_database_url(Path(__file__).resolve().parent.parent))
