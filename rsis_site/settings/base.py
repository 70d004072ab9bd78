"""Settings for every environment, read from the process environment.

Development: ``DJANGO_DEBUG=1`` gives safe local defaults (the Makefile sets it).
Production: ``DJANGO_DEBUG`` unset; ``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` are
then required.
See ``.env.example`` for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .email import email_settings
from .http_cache import http_cache_settings
from .media import media_origins, media_storage
from .operations import init_sentry, operations_settings
from .replicas import replica_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (comma-separated) in production.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "backoffice.sites.BackOfficeAdminConfig",
    # Apps of other packages under the names the admin shows (backoffice/third_party.py).
    "backoffice.third_party.AccountsConfig",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "mptt",
    "backoffice.third_party.TagsConfig",
    "imagekit",
    "django_prose_editor",
    "csp",
    "backoffice.third_party.ActivityConfig",
    "backoffice.third_party.SignInSecurityConfig",
    "core",
    "editorial",
    "redirects",
    "library",
    "navigation",
    "staff",
    "research",
    "publications",
    "events",
    "newsroom",
    "search",
    # Above every content app: what puts them together.
    "portal",
    "backoffice",
    "imports",
    "subscriptions",
    "django_tasks",
    "backoffice.third_party.QueueConfig",
    # Health checks, request ids, metrics and the page shown while the database is away.
    "django_prometheus",
    "operations",
]

MIDDLEWARE = [
    # /healthz, /readyz and /metrics, ahead of everything (operations/middleware.py); then the
    # request metrics and the request id, around every other middleware.
    "operations.middleware.OperationsEndpointsMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "operations.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database: whether this request's reads may use a replica.
    "core.replicas.ReplicaMiddleware",
    # Cache-Control for browsers and CDNs, around the page cache; each page gets its ETag, kept
    # with it, and a 304 when the client holds it (core/http_cache.py).
    "core.http_cache.HttpCacheMiddleware",
    "core.middleware.PageCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.StaffMarkMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Answers a page not found from the old addresses kept (301 or 410): inside
    # CommonMiddleware (an old address without its slash is answered at once) and the page
    # cache, so that a page found never reaches it.
    "redirects.middleware.RedirectFallbackMiddleware",
    # Last, so that it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
    # The other half of the request metrics: innermost, as django-prometheus asks.
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "rsis_site.urls"
WSGI_APPLICATION = "rsis_site.wsgi.application"

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
                "core.context_processors.site",
            ],
        },
    },
]
if not DEBUG:
    # Compiled templates are kept in memory between requests.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Read replicas (DATABASE_REPLICA_URLS) for visitors' reads: see settings/replicas.py.
globals().update(replica_settings(os.environ, DATABASES["default"]))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "rsis",
            # A cache that does not answer within this time counts as down: pages are then
            # built from the database (see core/redis_cache.py) instead of waiting.
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rsis",
        }
    }

# Whole anonymous pages are cached per content generation, and at most this long (so that
# time-based changes such as scheduled publication show up). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
# What each worker process keeps in its own memory besides the shared cache, in bytes as
# stored (strings and pages by length, other values by their pickle's length; a live object
# takes a few times that): content values and fragments, and whole anonymous pages. The least
# recently used go first, so a worker's memory stays flat however many pages it serves.
CONTENT_CACHE_LOCAL_BYTES = int(os.environ.get("DJANGO_CONTENT_CACHE_LOCAL_BYTES", 8 * 2**20))
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("DJANGO_PAGE_CACHE_LOCAL_BYTES", 8 * 2**20))
# How long browsers and CDNs keep public answers, and the caches purged after each change
# (DJANGO_CDN_*, DJANGO_NGINX_CACHE_DIR): see settings/http_cache.py.
globals().update(http_cache_settings(os.environ))

AUTHENTICATION_BACKENDS = [
    # Refuses a login while its username and address are locked out, before checking it.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock them out for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"
# A lock-out ends an hour after it began, however many more attempts are made meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Behind the TLS proxy every connection comes from the proxy: count the visitor's own address,
# the one the proxy (or the outermost of this many proxies) added to X-Forwarded-For.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
# X-Forwarded-For is believed only from these networks (where proxies live: loopback and
# private ranges by default), never from a visitor who reaches gunicorn directly.
TRUSTED_PROXY_NETWORKS = env_list(
    "DJANGO_TRUSTED_PROXY_NETWORKS",
    "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
)
AXES_CLIENT_IP_CALLABLE = "editorial.security.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Asia/Singapore"
USE_I18N = True
USE_TZ = True
# One way of writing a time wherever Django writes one (the admin's lists and read-only
# fields): "3 Dec 2026, 14:05", Singapore time.
FORMAT_MODULE_PATH = ["rsis_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media-files/"
# The address printed in PDFs' permanent links (e.g. https://www.rsis.edu.sg); empty: the
# address each PDF was first asked at.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "")

# Email (review requests, send-backs and comments): EMAIL_URL or DJANGO_EMAIL_*, see
# settings/email.py; printed on the console in development.
globals().update(email_settings(os.environ, debug=DEBUG))
# The task queue (subscribers' emails): kept in the database, run by `manage.py db_worker`;
# `manage.py periodic_tasks` (every minute) adds what is due by the clock.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Subscribers: the weekly digest's day (0 is Monday) and hour (Singapore time), at most this
# many emails a second, and the pauses (seconds) before each new try after a temporary refusal.
SUBSCRIPTIONS_DIGEST_WEEKDAY = int(os.environ.get("DJANGO_DIGEST_WEEKDAY", 0))
SUBSCRIPTIONS_DIGEST_HOUR = int(os.environ.get("DJANGO_DIGEST_HOUR", 8))
SUBSCRIPTIONS_SEND_RATE = float(os.environ.get("DJANGO_SUBSCRIPTIONS_SEND_RATE", 20))
SUBSCRIPTIONS_RETRY_DELAYS = (5, 30, 120)
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    # The local disk (MEDIA_ROOT), or an S3-compatible bucket shared by every app server when
    # MEDIA_STORAGE_URL names one: see settings/media.py.
    "default": media_storage(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. Every production default can be relaxed from the environment (for example to
# benchmark over plain HTTP on loopback); with DEBUG off and nothing set, `check --deploy` is clean.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
# A back-office session ends after eight hours, or when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"

# The admin's rich-text editor loads its modules through an inline import map, so the strict
# policy covers the public site only; the admin stays behind login and X-Frame-Options.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Uploaded pictures come from the bucket's host when they are kept in one.
        "img-src": ["'self'", "data:", *media_origins(STORAGES["default"])],
        "style-src": ["'self'"],
        # The one inline script, in the head of templates/base.html, marks the page as
        # scripted before it is drawn, so the phone menu is collapsed from the first paint.
        "script-src": ["'self'", "'sha256-pd3az8vlUoOOd+jEAgDTzXUM40m7ZRE73qy1OBqoKnA='"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Logs (DJANGO_LOG_FORMAT=json), /metrics (DJANGO_METRICS_TOKEN) and Sentry (SENTRY_DSN): see
# settings/operations.py.
globals().update(operations_settings(os.environ))
init_sentry(os.environ)
