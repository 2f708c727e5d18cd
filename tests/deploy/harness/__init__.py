"""Real servers on this machine for the deploy tests and bench/deploy.py: gunicorn
app servers with production settings, nginx with docs/deploy/nginx.conf, a
PostgreSQL cluster of their own that may be stopped, a Redis that may be killed,
and moto's S3 server. Every one of them is a child process (or, for moto, a thread)
stopped by whoever started it.

Ports: 8300-8349 for gunicorn, nginx and the throwaway Redis, 8350-8359 for the S3
stand-in (see the task notes); no other port is used.
"""

from tests.deploy.harness.app import AppServer, Load
from tests.deploy.harness.base import (
    BROWSER,
    ROOT,
    SECRET_KEY,
    SMALL_SITE,
    STATIC_ROOT,
    collect_static,
    database_url,
    manage,
    production_env,
    wait_for,
)
from tests.deploy.harness.nginx import Nginx, self_signed_certificate
from tests.deploy.harness.services import (
    S3StandIn,
    ThrowawayPostgres,
    ThrowawayRedis,
    public_read,
)

__all__ = [
    "BROWSER",
    "ROOT",
    "SECRET_KEY",
    "SMALL_SITE",
    "STATIC_ROOT",
    "AppServer",
    "Load",
    "Nginx",
    "S3StandIn",
    "ThrowawayPostgres",
    "ThrowawayRedis",
    "collect_static",
    "database_url",
    "manage",
    "production_env",
    "public_read",
    "self_signed_certificate",
    "wait_for",
]
