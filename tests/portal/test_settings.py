import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    """Import the settings in a fresh interpreter with exactly these variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "TESTING"}
    }
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import portal.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "tin.example.vn",
        "DATABASE_URL": "postgres://u@127.0.0.1:1/portal",
    }
    del env[missing]
    result = load_settings(**env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_starts_when_everything_is_set():
    result = load_settings(
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="tin.example.vn,www.tin.example.vn",
        DATABASE_URL="postgres://u@127.0.0.1:1/portal",
    )
    assert result.returncode == 0, result.stderr
    assert "False ['tin.example.vn', 'www.tin.example.vn']" in result.stdout


PRODUCTION = {
    "DEBUG": "0",
    # 62 characters, as `manage.py check --deploy` wants (50+, 5+ different).
    "SECRET_KEY": "Yq3vN8rL2pW6tZ0mK4sD7fH1jB9xC5gA-eU_oI2yR8nT6wQ3zM0kV7bP4dS1lX",
    "ALLOWED_HOSTS": "tin.example.vn",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
}


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "TESTING"}
        # The browser tests' switch, never a deployment's (check --deploy says so).
        and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        and not k.startswith(("SECURE_", "MEDIA_", "S3_"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    assert len(PRODUCTION["SECRET_KEY"]) == 62
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean_behind_a_tls_proxy_with_s3_media():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        TRUSTED_PROXIES="1",
        REDIS_URL="redis://127.0.0.1:6379/0",
        MEDIA_STORAGE="s3",
        S3_BUCKET="portal-media",
        S3_ENDPOINT_URL="https://s3.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def production_setting(expression, **env):
    result = subprocess.run(
        [sys.executable, "-c", f"import portal.settings as s; print(({expression}))"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "TESTING"}, **PRODUCTION}
        | env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_https_settings_have_production_defaults_and_come_from_the_environment():
    assert production_setting(
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE"
    ) == ("(True, 31536000, True)")
    assert production_setting(
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.CSRF_COOKIE_SECURE",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SECURE_COOKIES="0",
    ) == ("(False, 0, False)")
    # Behind a proxy the scheme comes from the header the proxy sets.
    assert production_setting(
        "getattr(s, 'SECURE_PROXY_SSL_HEADER', None)", TRUSTED_PROXIES="1"
    ) == ("('HTTP_X_FORWARDED_PROTO', 'https')")
    assert production_setting(
        "getattr(s, 'SECURE_PROXY_SSL_HEADER', None)",
        TRUSTED_PROXIES="1",
        SECURE_PROXY_SSL_HEADER="X-Scheme",
    ) == ("('HTTP_X_SCHEME', 'https')")
    assert production_setting("getattr(s, 'SECURE_PROXY_SSL_HEADER', None)") == ("None")


@pytest.mark.parametrize(
    "env, message",
    [
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'local' or 's3'"),
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs S3_BUCKET"),
    ],
)
def test_a_wrong_media_storage_setting_stops_the_start_with_a_clear_message(
    env, message
):
    result = load_settings(**PRODUCTION, **env)
    assert result.returncode != 0
    assert message in result.stderr
