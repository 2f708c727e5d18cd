"""What the app servers lean on, started and stopped by the tests: PostgreSQL,
Redis and an S3 stand-in."""

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import quote

from tests.deploy.harness.base import wait_for


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own under ``folder``, made with the embedded
    server's binaries (pgserver), that a test may stop and start again."""

    def __init__(self, folder):
        self.data = Path(folder) / "pgdata"
        self.data.mkdir(parents=True, exist_ok=True)
        self.server = None

    def start(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

        if self.server is None:
            self.server = pgserver.get_server(self.data, cleanup_mode="delete")
            self.socket_dir = self.server.get_postmaster_info().socket_dir
        else:
            from pgserver._commands import pg_ctl

            pg_ctl(
                [
                    "-w",
                    "-o",
                    '-h ""',
                    "-o",
                    f"-k {self.socket_dir}",
                    "-l",
                    str(self.data / "log"),
                    "start",
                ],
                pgdata=self.data,
                user=self.server.system_user,
                timeout=30,
            )
        return self

    def stop(self):
        """Stop the server as an administrator would (fast shutdown): sessions are
        ended and new connections refused."""
        stopped = self._pg_ctl("-w", "-t", "30", "-m", "fast", "stop")
        if stopped.returncode and self._pg_ctl("status").returncode != 3:
            raise RuntimeError(f"pg_ctl stop failed: {stopped.stdout}{stopped.stderr}")

    def _pg_ctl(self, *args):
        """pg_ctl as the server's own user (pgserver's when running as root);
        status 3 from ``pg_ctl status`` means no server is running."""
        from pgserver._commands import POSTGRES_BIN_PATH

        return subprocess.run(
            [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.data), *args],
            user=self.server.system_user,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def url(self, database="postgres"):
        return f"postgresql://postgres@/{database}?host={quote(str(self.socket_dir))}"

    def create_database(self, name):
        import psycopg2

        connection = psycopg2.connect(self.url())
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        return self.url(name)

    def destroy(self):
        if self.server is not None:
            try:
                self.server.cleanup()
            except Exception:  # already stopped by the test: remove the files
                shutil.rmtree(self.data, ignore_errors=True)


class ThrowawayRedis:
    """A Redis of its own on ``port`` that a test may kill and start again."""

    def __init__(self, port):
        self.port, self.process = port, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.answers, timeout=10, what=f"redis-server on port {self.port}")
        return self

    def answers(self):
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class S3StandIn:
    """moto's S3 server (server mode) on 127.0.0.1:``port``, with one bucket."""

    def __init__(self, port, bucket):
        self.port, self.bucket = port, bucket
        self.server = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def env(self):
        """The portal's settings for this bucket (MEDIA_STORAGE=s3)."""
        return {
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": "test-key",
            "S3_SECRET_ACCESS_KEY": "test-secret",
            "S3_REGION": "us-east-1",
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
            region_name="us-east-1",
        )

    def start(self):
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(
            ip_address="127.0.0.1", port=self.port, verbose=False
        )
        self.server.start()
        client = self.client()
        client.create_bucket(Bucket=self.bucket)
        # As docs/deploy.md asks of a real bucket: anyone may read the media.
        client.put_bucket_policy(Bucket=self.bucket, Policy=public_read(self.bucket))
        return self

    def keys(self, prefix=""):
        listing = self.client().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def stop(self):
        if self.server is not None:
            self.server.stop()


def public_read(bucket):
    """The bucket policy that lets anyone read the objects (not list or write)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )
