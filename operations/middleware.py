import logging
import re
import time
import uuid

import sentry_sdk

from editorial.security import from_trusted_proxy

from . import views
from .logs import current_request

logger = logging.getLogger("operations.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# nginx's $request_id is 32 hexadecimal digits; other proxies' ids are alike. Anything else
# (spaces, quotes, a kilobyte of text) is not believed, so it cannot forge or break log lines.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")


class OperationsEndpointsMiddleware:
    """Answer ``/healthz``, ``/readyz`` and ``/metrics`` before any other middleware.

    Load balancers and Prometheus reach each instance by its own address, over plain HTTP and
    often with a Host header the site does not serve: ahead of the security, host and CSRF
    checks, the page cache and sessions, the answers are what the process and its services
    say, never a redirect, a 400 or a cached page. Probes are not counted in the request
    metrics or the request log either, which they would otherwise flood.
    """

    ENDPOINTS = {"/healthz": views.healthz, "/readyz": views.readyz, "/metrics": views.metrics}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.ENDPOINTS.get(request.path_info)
        if view is None:
            return self.get_response(request)
        return view(request)


class RequestIdMiddleware:
    """Give every request an id, written in each of its log lines and sent back in
    ``X-Request-ID``, and log one line per request with its status and duration.

    The id is nginx's (``X-Request-ID``) when a trusted proxy sent a well-formed one, so that
    the proxy's access log and the site's lines match; otherwise a new one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request_id = self.given_id(request) or uuid.uuid4().hex
        request.request_id = request_id
        token = current_request.set(
            {"request_id": request_id, "method": request.method, "path": request.path}
        )
        sentry_sdk.set_tag("request_id", request_id)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            current_request.reset(token)

    @staticmethod
    def given_id(request):
        value = request.headers.get(REQUEST_ID_HEADER, "")
        if WELL_FORMED_ID.fullmatch(value) and from_trusted_proxy(request):
            return value
        return None
