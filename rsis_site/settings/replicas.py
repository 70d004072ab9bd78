"""The read replicas, from the environment.

``DATABASE_REPLICA_URLS`` lists PostgreSQL streaming replicas of ``DATABASE_URL``, comma
separated, in the same form. They become the aliases ``replica1``, ``replica2``… which
``core.replicas.ReplicaRouter`` gives visitors' reads to; everything else stays on the primary.
In tests each replica is a mirror of ``default`` (Django's test runner makes no database for it).

``DJANGO_REPLICA_PIN_SECONDS`` (15): how long a client who changed something reads from the
primary only, so that a lagging replica never shows them the page from before their change.
``DJANGO_REPLICA_LAG_SECONDS`` (10): the longest delay the replicas are expected to replay a
commit in; a content generation younger than that is built from the primary.
"""

import dj_database_url

ROUTER = "core.replicas.ReplicaRouter"


def replica_settings(environ, default):
    """``{setting: value}`` for the replicas in ``environ``; ``default`` is the primary's
    ``DATABASES`` entry, whose connection options the replicas share."""
    urls = [url.strip() for url in environ.get("DATABASE_REPLICA_URLS", "").split(",")]
    replicas = {}
    for number, url in enumerate(filter(None, urls), start=1):
        replica = dj_database_url.parse(
            url,
            conn_max_age=default.get("CONN_MAX_AGE", 0),
            conn_health_checks=default.get("CONN_HEALTH_CHECKS", False),
        )
        replica["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = replica
    return {
        "DATABASES": {"default": default, **replicas},
        "DATABASE_ROUTERS": [ROUTER],
        "DATABASE_REPLICAS": list(replicas),
        "REPLICA_PIN_SECONDS": int(environ.get("DJANGO_REPLICA_PIN_SECONDS") or 15),
        "REPLICA_LAG_SECONDS": float(environ.get("DJANGO_REPLICA_LAG_SECONDS") or 10),
    }
