"""Settings, read from the environment with safe development defaults.

Production is any run with ``DEBUG`` off: it refuses to start without
``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)
TESTING = "pytest" in sys.modules or env_bool("TESTING")

if not DEBUG and not TESTING:
    missing = [n for n in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if not env(n)]
    if missing:
        raise ImproperlyConfigured(
            f"DEBUG is off (production) but {', '.join(missing)} is not set; "
            "set it in the environment (see README, 'Configuration')."
        )

SECRET_KEY = env("SECRET_KEY", "django-insecure-development-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # the sitemap.xml templates
    "ckeditor",
    "ckeditor_uploader",
    "taggit",  # tag machinery; the Tag model itself is news.Tag
    "reversion",  # article revisions: who saved what when, compare and restore
    "news",
    "news.gallery",
    "ratings",
    "comments",
    "stats",
    # Last, so that its post_migrate role sync sees every app's permissions.
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Counts public page views once the page is rendered (docs/statistics.md).
    "stats.middleware.PageViewMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL under var/ in development.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL is None:
    from portal.devdb import embedded_database_url

    DATABASE_URL = embedded_database_url(BASE_DIR)
# Tests close connections after each request: live-server threads come and go, and
# PostgreSQL allows 100 connections.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=0 if TESTING else int(env("CONN_MAX_AGE", "60"))
    )
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Vietnamese first, whatever the browser asks for.
LANGUAGE_CODE = env("LANGUAGE_CODE", "vi")
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
# Vietnamese dates are day-first: portal/formats/vi fixes what Django leaves unset.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Media is served by Django itself unless a front server takes it over.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_CONTENT_TYPE_NOSNIFF = True

# How many proxies in front of the site append to X-Forwarded-For. 0: trust none,
# the client IP is REMOTE_ADDR (see portal.clientip).
TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))
# Salt for the hashes of client IPs kept for rate limits and abuse review.
IP_HASH_SALT = env("IP_HASH_SALT", SECRET_KEY)

# Rich text. django-ckeditor 6 bundles CKEditor 4.22.1, which is out of support
# and stores whatever HTML is posted. Every stored rich text therefore goes through
# news.sanitize (nh3 with an allow-list) on save, and editor uploads are staff-only
# and images-only; that is why its "unsupported version" warning is silenced here.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]
CKEDITOR_UPLOAD_PATH = "uploads/"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_IMAGE_BACKEND = "pillow"
CKEDITOR_BROWSE_SHOW_DIRS = True
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "Custom",
        "toolbar_Custom": [
            ["Format", "Bold", "Italic", "Underline", "Strike", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote", "Outdent", "Indent"],
            ["JustifyLeft", "JustifyCenter", "JustifyRight", "JustifyBlock"],
            ["Link", "Unlink", "Image", "Table", "HorizontalRule"],
            ["Undo", "Redo", "Source", "Maximize"],
        ],
        "extraPlugins": "image2",
        "removePlugins": "image",
        "image2_captionedClass": "image",
        "height": 420,
        "width": "100%",
        "language": "vi",
    }
}

TAGGIT_CASE_INSENSITIVE = True

# Images: what an upload may be.
IMAGE_MAX_BYTES = int(env("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(env("IMAGE_MAX_PIXELS", 40_000_000))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGIN_URL = "admin:login"
# A failed CSRF check answers in the reader's language (JSON for fetch() calls).
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

# Visit statistics (docs/statistics.md). STATS_ENABLED=0 switches counting off (the
# benchmark compares both); raw page views are rolled up about once a minute by the
# requests themselves, or only by `manage.py stats_rollup` from cron when 0.
STATS_ENABLED = env_bool("STATS_ENABLED", default=True)
STATS_AUTO_ROLLUP_SECONDS = int(env("STATS_AUTO_ROLLUP_SECONDS", "60"))
# Page views are committed without waiting for the disk flush (see
# docs/statistics.md): a crash of the database server itself may lose the last
# fraction of a second of them. STATS_SYNCHRONOUS_COMMIT=1 waits like every write.
STATS_SYNCHRONOUS_COMMIT = env_bool("STATS_SYNCHRONOUS_COMMIT", default=False)

# Signed-in sessions end after this many seconds without a request (sliding
# expiry, see portal.middleware.IdleSessionMiddleware). The keep-alive banner
# (static/js/keepalive.js) counts down the last SESSION_WARNING_SECONDS of it.
SESSION_IDLE_TIMEOUT = int(env("SESSION_IDLE_TIMEOUT", 30 * 60))
SESSION_WARNING_SECONDS = int(env("SESSION_WARNING_SECONDS", 60))
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@localhost")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Star ratings: guest votes a day from one client address, on one article and on
# all articles (offices share one address), and how long a guest's voter cookie lasts.
RATINGS_GUEST_VOTES_PER_ARTICLE = int(env("RATINGS_GUEST_VOTES_PER_ARTICLE", "5"))
RATINGS_GUEST_VOTES_PER_IP = int(env("RATINGS_GUEST_VOTES_PER_IP", "50"))
RATINGS_VOTER_COOKIE_AGE = int(env("RATINGS_VOTER_COOKIE_AGE", 2 * 365 * 24 * 3600))

# Reader comments (see docs/comments.md). Rate limits are "count/seconds" pairs per
# hashed client IP; a form must be older than COMMENTS_MIN_FORM_SECONDS and younger
# than COMMENTS_MAX_FORM_SECONDS when sent.
COMMENTS_RATE_LIMITS = env("COMMENTS_RATE_LIMITS", "1/30,10/3600")
COMMENTS_MIN_FORM_SECONDS = int(env("COMMENTS_MIN_FORM_SECONDS", "3"))
COMMENTS_MAX_FORM_SECONDS = int(env("COMMENTS_MAX_FORM_SECONDS", str(2 * 3600)))
COMMENTS_PAGE_SIZE = int(env("COMMENTS_PAGE_SIZE", "20"))
COMMENTS_MAX_LINKS = int(env("COMMENTS_MAX_LINKS", "2"))
# Who is told that a comment waits: these addresses, or (when empty) every active
# staff account with an email that may moderate comments.
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")

# Benchmarks only (bench/README.md): a positive size adds /__bench/constant/, a
# constant HTML page of that many bytes served through the whole middleware stack,
# the yardstick the page benchmark compares every page with. Unset in normal runs.
BENCH_REFERENCE_BYTES = int(env("BENCH_REFERENCE_BYTES", "0"))
