"""Test settings: the base settings with fast hashing, local caches and plain static files."""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.pop("CACHE_URL", None)
os.environ.pop("MEDIA_STORAGE_URL", None)

from .base import *  # noqa: E402,F403
from .base import BASE_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails are kept in memory (django.core.mail.outbox), never sent.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run at once, where they are enqueued; tests of the worker use the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SUBSCRIPTIONS_SEND_RATE = 0  # no pause between emails
SUBSCRIPTIONS_RETRY_DELAYS = (0, 0)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "test-media"
# Off by default so tests see every change at once; tests of the page cache turn it on.
PAGE_CACHE_SECONDS = 0
# The test client's login() gives no request for django-axes to judge; the throttling tests
# turn it back on.
AXES_ENABLED = False

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # Browser journeys run the test server's threads beside the test, and the live preview
    # saves in transactions it rolls back: a database file in WAL mode lets them read while
    # another writes (an in-memory database answers "table is locked" at once instead).
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        timeout=20, init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    )
