"""Whether what the site needs answers: each database, the shared cache, the media storage."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

STORAGE_PROBE = "readyz-probe"


def database_up(alias):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def cache_up():
    """A value written can be read back. The site's Redis backend answers a miss rather than
    fail while Redis is away (core/redis_cache.py), so an error alone would not tell."""
    key, token = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # any backend's failure means the same here
        return False
    return found == token


def storage_up():
    """The storage answers a question about a file (a request to a remote store, a look at
    the disk for local files)."""
    try:
        default_storage.exists(STORAGE_PROBE)
    except Exception:  # any backend's failure means the same here
        return False
    return True


def readiness():
    """``{check: True or False}`` for every database alias, the cache and the storage."""
    checks = {
        ("database" if alias == "default" else f"database:{alias}"): database_up(alias)
        for alias in connections
    }
    checks["cache"] = cache_up()
    checks["storage"] = storage_up()
    down = [name for name, up in checks.items() if not up]
    if down:
        logger.warning("Not ready: %s unreachable", ", ".join(down))
    return checks
