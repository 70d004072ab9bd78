import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error
from django_prometheus.exports import ExportToDjangoView

from . import health
from . import metrics as site_metrics

# How long a visitor or a load balancer is asked to wait before trying again, in seconds.
RETRY_AFTER = 30
PROBE_METHODS = ("GET", "HEAD")


@never_cache
def healthz(request):
    """The process is up and serving: touches neither the database nor the cache."""
    if request.method not in PROBE_METHODS:
        return HttpResponseNotAllowed(PROBE_METHODS)
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def readyz(request):
    """200 when every database, the cache and the media storage answer, else 503 naming what
    does not, so that a load balancer sends visitors to another instance meanwhile."""
    if request.method not in PROBE_METHODS:
        return HttpResponseNotAllowed(PROBE_METHODS)
    checks = health.readiness()
    down = [name for name, up in checks.items() if not up]
    body = {"status": "unavailable" if down else "ok", "down": down}
    body["checks"] = {name: "ok" if up else "down" for name, up in checks.items()}
    response = JsonResponse(body, status=503 if down else 200)
    if down:
        response["Retry-After"] = RETRY_AFTER
    return response


@never_cache
def metrics(request):
    """Prometheus metrics, for the scrapers ``metrics.allowed`` lets in (404 for others)."""
    if not site_metrics.allowed(request):
        return HttpResponse(status=404)
    site_metrics.measure_queue()
    return ExportToDjangoView(request)


def server_error(request, template_name="500.html"):
    """Django's 500 page, except while the database cannot be reached: then 503 with
    ``Retry-After``, a page in the site's look for visitors and a plain message for editors
    (the admin saves each change in one transaction, so nothing was half-saved).

    Neither page reads the database: no context processor runs, and the menu and site facts
    (which come from the database) are not shown.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return django_server_error(request, template_name)
    name = "operations/admin_unavailable.html" if request.path.startswith("/admin/") else "503.html"
    response = HttpResponse(loader.get_template(name).render(), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response
