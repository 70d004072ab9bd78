"""The database-specific half of the search, one backend object per database.

PostgreSQL gets full-text matching with stemming, ranking by weighted vectors, headlines and
trigram corrections (``postgresql.PostgreSQLBackend``); any other database, in practice the
embedded SQLite default, gets the plainer fallback (``sqlite.SQLiteBackend``). Which one is
decided here, once, from the default connection: the rest of the search asks ``backend()``
and never looks at the database vendor itself, so a difference between the engines lives in
exactly one of these classes.
"""

import functools

from django.db import connection

from .base import Backend
from .postgresql import PostgreSQLBackend
from .sqlite import SQLiteBackend

__all__ = ["Backend", "PostgreSQLBackend", "SQLiteBackend", "backend"]

BACKENDS = {"postgresql": PostgreSQLBackend}


@functools.cache
def backend():
    """The backend of the default database (chosen on first use; the database of a running
    site does not change)."""
    return BACKENDS.get(connection.vendor, SQLiteBackend)()
