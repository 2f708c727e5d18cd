"""Settings, read from the environment with safe development defaults.

Production is any run with ``DEBUG`` off: it refuses to start without
``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``.
"""

import os
import sys
from datetime import timedelta
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
    # Admin login lockout after repeated failures (django-axes, see below).
    "portal.apps.LoginRecordsConfig",
    "news",
    "news.gallery",
    "ratings",
    "comments",
    "stats",
    # Moving a NukeViet site: import_nukeviet and the old addresses (docs/import.md).
    "news.legacy",
    "portal.contact",
    # Last, so that its post_migrate role sync sees every app's permissions.
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response; the admin gets its own policy.
    "portal.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old NukeViet addresses answer 301 once our URLs answered 404 (docs/import.md).
    "news.legacy.middleware.LegacyRedirectMiddleware",
    # Counts public page views once the page is rendered (docs/statistics.md).
    "stats.middleware.PageViewMiddleware",
    # Serves and keeps rendered public pages (portal/pagecache.py); last, so a kept
    # page still passes every middleware above and is counted.
    "portal.pagecache.PageCacheMiddleware",
    # Turns a locked-out login into the lockout page; django-axes wants it last.
    "axes.middleware.AxesMiddleware",
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

# Public pages rendered once and served to many readers (portal/pagecache.py,
# docs/architecture.md): PAGE_CACHE=0 renders every page every time.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
# The longest a kept page lives, whatever happens.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "60"))
# How often each process asks the database which content changed (one query).
PAGE_CACHE_POLL_SECONDS = float(env("PAGE_CACHE_POLL_SECONDS", "1"))
# Memory for kept pages in each process.
PAGE_CACHE_MAX_BYTES = int(env("PAGE_CACHE_MAX_BYTES", str(64 * 1024 * 1024)))

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # An unreachable Redis is an empty cache, never an error page (portal.cache):
    # each call waits at most REDIS_TIMEOUT seconds, and after a failure Redis is
    # left alone for REDIS_RETRY_SECONDS.
    REDIS_TIMEOUT = float(env("REDIS_TIMEOUT", "1"))
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
                "retry_seconds": float(env("REDIS_RETRY_SECONDS", "5")),
            },
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
# Uploads: local files under MEDIA_ROOT (the default), or an S3-compatible bucket
# shared by several app servers (MEDIA_STORAGE=s3, see docs/deploy.md).
MEDIA_STORAGE = env("MEDIA_STORAGE", "local").strip().lower()
if MEDIA_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")
if MEDIA_STORAGE == "s3":
    if not env("S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (see README).")
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL"),
            "access_key": env("S3_ACCESS_KEY_ID"),
            "secret_key": env("S3_SECRET_ACCESS_KEY"),
            "region_name": env("S3_REGION"),
            # Public addresses: the bucket (or S3_CUSTOM_DOMAIN in front of it) lets
            # anyone read, as a local media folder does; signed URLs would expire
            # inside pages that are kept rendered.
            "custom_domain": env("S3_CUSTOM_DOMAIN"),
            "url_protocol": env("S3_URL_PROTOCOL", "https:"),
            "querystring_auth": False,
            "default_acl": env("S3_DEFAULT_ACL"),
            # Two uploads with one name must not replace each other.
            "file_overwrite": False,
            "addressing_style": env("S3_ADDRESSING_STYLE", "path"),
        },
    }
else:
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# How many proxies in front of the site append to X-Forwarded-For. 0: trust none,
# the client IP is REMOTE_ADDR (see portal.clientip).
TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))

# HTTPS in production (`manage.py check --deploy` is clean with the defaults; see
# docs/deploy.md). Behind a TLS proxy the request's scheme comes from the header
# the proxy sets (X-Forwarded-Proto when TRUSTED_PROXIES > 0, nginx overwrites
# whatever the client sent); without it every request would look like plain HTTP
# and be redirected again and again. The HSTS header is sent on HTTPS answers only.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_proxy_ssl_header = env(
    "SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto" if TRUSTED_PROXIES > 0 else None
)
if _proxy_ssl_header and _proxy_ssl_header.lower() != "none":
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _proxy_ssl_header.upper().replace("-", "_"),
        "https",
    )
# Content-Security-Policy (django-csp, portal.security): public pages load
# scripts, styles and fonts from this site only, with nothing inline, so the
# policy is the same for every reader and a page can be kept rendered. Images may
# also come from other HTTPS sites (an article may show a picture another office
# hosts; an image cannot run code) and from the media storage.
_media_origin = None
if MEDIA_STORAGE == "s3":
    from portal.storage import s3_public_origin

    _media_origin = s3_public_origin(STORAGES["default"]["OPTIONS"])
_report_uri = env("CSP_REPORT_URI")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:", *filter(None, [_media_origin])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": _report_uri,
    }
}
# The admin has the same policy (CONTENT_SECURITY_POLICY_ADMIN). The pages that
# hold the rich-text editor (the article form, the editor's image browser) get
# CONTENT_SECURITY_POLICY_EDITOR: CKEditor 4 writes inline event handlers and
# inline styles into its toolbar and dialogs, which no nonce or hash can cover
# (portal.security.with_editor_policy; docs/deploy.md, "Content-Security-Policy").
CONTENT_SECURITY_POLICY_ADMIN = dict(CONTENT_SECURITY_POLICY["DIRECTIVES"])
CONTENT_SECURITY_POLICY_EDITOR = {
    **CONTENT_SECURITY_POLICY_ADMIN,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*CONTENT_SECURITY_POLICY_ADMIN["img-src"], "blob:"],
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/", "/ckeditor/")

# Load balancers ask for /healthz over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# Salt for the hashes of client IPs kept for rate limits and abuse review.
IP_HASH_SALT = env("IP_HASH_SALT", SECRET_KEY)

# Rich text. django-ckeditor 6 bundles CKEditor 4.22.1, which is out of support
# and stores whatever HTML is posted. Every stored rich text therefore goes through
# news.sanitize (nh3 with an allow-list) on save, and editor uploads are staff-only
# and images-only; that is why its "unsupported version" warning is silenced here.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]
# HSTS for subdomains and the browsers' preload list are the domain owner's
# decision, not the portal's: a provincial site is usually one host of an
# organisation's domain whose other hosts may not all have HTTPS, and preloading
# cannot be undone quickly. Both stay off unless set (docs/deploy.md, "HTTPS").
SILENCED_SYSTEM_CHECKS += ["security.W005", "security.W021"]
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
        # uploadimage: images pasted or dropped into the text are uploaded through
        # the same checked view as the image dialog's (news.views.editor_upload).
        "extraPlugins": "image2,uploadimage",
        "removePlugins": "image",
        "image2_captionedClass": "image",
        # Upload addresses per dialog: images only from the image dialog and from
        # pasting; the link dialog's upload tab also takes documents (PDF...).
        "imageUploadUrl": "/ckeditor/upload/?type=image",
        "filebrowserImageUploadUrl": "/ckeditor/upload/?type=image",
        "filebrowserImage2UploadUrl": "/ckeditor/upload/?type=image",
        "filebrowserLinkUploadUrl": "/ckeditor/upload/?type=file",
        # Only the blocks the sanitiser keeps (the page has the one <h1>).
        "format_tags": "p;h2;h3;h4;pre",
        # The editing area as wide as the article column, images within it.
        # Layout as classes, not inline styles (news.sanitize, article-body.css).
        "justifyClasses": ["text-left", "text-center", "text-right", "text-justify"],
        "image2_alignClasses": ["image-left", "image-center", "image-right"],
        "indentClasses": [f"indent-{step}" for step in range(1, 6)],
        "contentsCss": [
            f"/{STATIC_URL}ckeditor/ckeditor/contents.css",
            f"/{STATIC_URL}css/article-body.css",
            f"/{STATIC_URL}css/editor-content.css",
        ],
        "contentWidth": 760,  # news.images.CONTENT_WIDTH, read by ckeditor-setup.js
        # The bundled 4.22.1 would warn every editor, in English, that it is out of
        # support; the site relies on news.sanitize instead (see above).
        "versionCheck": False,
        "height": 420,
        "width": "100%",
        "language": "vi",
    }
}

TAGGIT_CASE_INSENSITIVE = True
# Tags are separated by commas only; spaces belong to the name (news/tagging.py).
TAGGIT_TAGS_FROM_STRING = "news.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "news.tagging.edit_string_for_tags"

# Images: what an upload may be.
IMAGE_MAX_BYTES = int(env("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(env("IMAGE_MAX_PIXELS", 40_000_000))
# Documents attached to articles (news/documents.py): the largest file accepted.
ATTACHMENT_MAX_BYTES = int(env("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGIN_URL = "admin:login"

# Admin login lockout (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for
# one username from one client address, that pair is refused for
# LOGIN_COOLOFF_MINUTES (each further try starts the wait again). The address is
# the one portal.clientip trusts, kept as a pseudonym like every stored address.
# The failures live in the database, so every app server sees the same ones.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.clientip.login_address"
AXES_LOCKOUT_CALLABLE = "portal.views.login_locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
# Staff who forgot their password (or are locked out) reset it by email; the
# link is valid this long.
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_TIMEOUT", str(3 * 3600)))
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
# SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend): staff password
# resets and comment notifications go out through it.
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in emails start with SITE_URL (e.g. https://tin.example.vn); without it,
# with the address the triggering request came to, else http://127.0.0.1:PORT.
SITE_URL = env("SITE_URL", "")
PORT = env("PORT", "8000")

# A database outage answers 503 with this Retry-After (seconds); see portal.outage.
OUTAGE_RETRY_AFTER = int(env("OUTAGE_RETRY_AFTER", "30"))

# `manage.py backup` / `restore` (docs/deploy.md, "Backups"): where the PostgreSQL
# client programs are looked for besides the embedded server's and PATH.
PG_BIN_DIR = env("PG_BIN_DIR")

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

# The contact form (docs/contact.md): posts allowed per hashed client IP
# ("count/seconds" pairs), and the links a message may hold before it is kept
# back from email for a person to look at. The form's timing limits are the
# comment form's.
CONTACT_RATE_LIMITS = env("CONTACT_RATE_LIMITS", "1/60,5/3600")
CONTACT_MAX_LINKS = int(env("CONTACT_MAX_LINKS", "2"))

# Benchmarks only (bench/README.md): a positive size adds /__bench/constant/, a
# constant HTML page of that many bytes served through the whole middleware stack,
# the yardstick the page benchmark compares every page with. Unset in normal runs.
BENCH_REFERENCE_BYTES = int(env("BENCH_REFERENCE_BYTES", "0"))
