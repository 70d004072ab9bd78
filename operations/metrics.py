"""What Prometheus reads at ``/metrics`` besides django-prometheus's request metrics."""

import ipaddress

from django.conf import settings
from django.db import DatabaseError
from django.utils.crypto import constant_time_compare
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client import Gauge

from editorial.security import client_address

QUEUE_READY = Gauge(
    "rsis_task_queue_ready",
    "Tasks waiting in the queue (subscribers' emails): READY rows of the database backend.",
    # Under gunicorn with PROMETHEUS_MULTIPROC_DIR: the value the latest scrape measured.
    multiprocess_mode="livemostrecent",
)


def allowed(request):
    """A scraper with the token, or a client whose own address is in ``METRICS_NETWORKS``."""
    token = settings.METRICS_TOKEN
    if token and constant_time_compare(request.headers.get("Authorization", ""), f"Bearer {token}"):
        return True
    try:
        address = ipaddress.ip_address(client_address(request) or "")
    except ValueError:
        return False
    address = getattr(address, "ipv4_mapped", None) or address
    return any(
        address in ipaddress.ip_network(spec, strict=False) for spec in settings.METRICS_NETWORKS
    )


def measure_queue():
    """Count the queue at scrape time; unknown (NaN) while the database is away."""
    try:
        QUEUE_READY.set(DBTaskResult.objects.filter(status=TaskResultStatus.READY).count())
    except DatabaseError:
        QUEUE_READY.set(float("nan"))
