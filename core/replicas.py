"""Visitors read from PostgreSQL's streaming replicas; no one is ever shown the past by one.

The replicas (``settings.DATABASE_REPLICAS``, see ``rsis_site/settings/replicas.py``) take the
reads of visitors' GET requests, the bulk of the traffic; the primary keeps everything else.
``ReplicaMiddleware``, placed early, says for each request whether its reads may go to a
replica, and ``ReplicaRouter`` follows it. Outside a request (management commands, the task
worker, the minute clock, tests) nothing is said, and everything uses the primary. A request
reads from the primary when:

- it is not a GET, HEAD or OPTIONS request (a form posted), or is for the admin;
- it carries the staff mark (``core.middleware.StaffMarkMiddleware``): whatever an editor
  reads, a preview or a public page, shows their latest change. The mark is checked against
  the session key alone, without a query;
- its client changed something less than ``REPLICA_PIN_SECONDS`` ago: a request that posted or
  wrote anything (a subscription confirmed, a login) answers with a signed, expiring cookie
  that *pins* that client to the primary meanwhile, long enough for the replicas to replay
  the change. Signed, so that no one can pin themselves for longer than that;
- a read runs inside a transaction on the primary, or the request has already written: it
  must see what it wrote, and the rows it is about to lock or change;
- the content generation is young (below).

One replica is chosen at random for the whole request, so that its queries see one moment.

**The content generation.** Changes to public content start a new content generation
(``core.content_cache``) whose token lives in the shared cache, and every page and fragment is
then built anew and kept under it. A replica that has not yet replayed the commit would build
them from the old rows and keep them under the *new* token, where they would stay until the
next change. So a request reads from the primary while its generation is younger than
``REPLICA_LAG_SECONDS``, the replication delay the replicas are kept within (an alert on
``pg_stat_replication.replay_lag`` watches it). We chose this over asking each replica for its
``pg_last_xact_replay_timestamp()`` on every page built: that costs a query per request, says
nothing reliable when the primary is idle, and lag is still possible between the question and
the reads. A generation's age is counted from when this process first saw it, which is never
before its commit, so the rule errs on the primary's side; its cost is the reads of pages
built in the first seconds after each change.
"""

import random
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.crypto import constant_time_compare

from .content_cache import request_generation
from .middleware import STAFF_MARK_COOKIE, staff_mark

PIN_COOKIE = "rsis_primary"
PIN_SALT = "core.replicas.pin"
READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")
WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE")
# How many recent generations each process remembers the first sight of.
REMEMBERED_GENERATIONS = 64

# When each generation was first seen by this process (time.monotonic()).
_first_seen = {}


@dataclass
class RequestReads:
    """What the current request's reads may use, and whether it has written."""

    replicas: bool
    wrote: bool = False
    alias: str | None = None


_request = ContextVar("replica_request", default=None)


class ReplicaRouter:
    """Writes, migrations and all but visitors' reads go to the primary (see above)."""

    def db_for_read(self, model, **hints):
        reads = _request.get()
        if (
            reads is None
            or not reads.replicas
            or reads.wrote
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        if reads.alias is None:
            if not _generation_settled():
                return DEFAULT_DB_ALIAS
            reads.alias = random.choice(settings.DATABASE_REPLICAS)
        return reads.alias

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        """Rows read from a replica are the primary's rows: they may be linked and saved."""
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db in settings.DATABASE_REPLICAS else None


def _generation_settled():
    """Whether the request's content generation is older than the replication delay."""
    generation = request_generation.get()
    if generation is None:
        return False
    now = time.monotonic()
    seen = _first_seen.setdefault(generation, now)
    if len(_first_seen) > REMEMBERED_GENERATIONS:
        for old in list(_first_seen)[: len(_first_seen) // 2]:
            _first_seen.pop(old, None)
    return now - seen >= settings.REPLICA_LAG_SECONDS


class ReplicaMiddleware:
    """Say whether the request's reads may use a replica, and pin clients who changed
    something to the primary for ``REPLICA_PIN_SECONDS``. Without replicas it steps aside."""

    def __init__(self, get_response):
        if not settings.DATABASE_REPLICAS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(replicas=self.may_use_replicas(request))
        token = _request.set(reads)
        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(_Writes(reads)):
                response = self.get_response(request)
        finally:
            _request.reset(token)
        if reads.wrote or request.method not in READ_ONLY_METHODS:
            response.set_signed_cookie(
                PIN_COOKIE,
                "1",
                salt=PIN_SALT,
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    @staticmethod
    def may_use_replicas(request):
        if request.method not in READ_ONLY_METHODS or request.path.startswith("/admin/"):
            return False
        if request.get_signed_cookie(
            PIN_COOKIE, default=None, salt=PIN_SALT, max_age=settings.REPLICA_PIN_SECONDS
        ):
            return False
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        return not (
            session_key
            and constant_time_compare(
                request.COOKIES.get(STAFF_MARK_COOKIE, ""), staff_mark(session_key)
            )
        )


class _Writes:
    """Notes a statement that changes rows on the primary (reads, locks and savepoints do not).

    Watched on the connection rather than asked of the router, which is also asked for the
    database of reads that only might write, such as ``get_or_create``'s.
    """

    def __init__(self, reads):
        self.reads = reads

    def __call__(self, execute, sql, params, many, context):
        if not self.reads.wrote and sql.lstrip()[:8].upper().startswith(WRITES):
            self.reads.wrote = True
        return execute(sql, params, many, context)
