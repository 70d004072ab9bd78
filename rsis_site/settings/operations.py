"""Logs, metrics and error reporting, from the environment.

- ``DJANGO_LOG_FORMAT=json``: one JSON object per line (time, level, logger, message and the
  request's id, method and path), plus one line per request with its status and duration;
  otherwise plain text, as in development. ``DJANGO_LOG_LEVEL`` is the root level (WARNING).
- ``DJANGO_METRICS_TOKEN``: a scraper sending ``Authorization: Bearer <token>`` may read
  ``/metrics``; so may any client whose own address is in ``DJANGO_METRICS_NETWORKS``
  (loopback by default: a Prometheus on the same machine scraping gunicorn directly; a visitor
  coming through nginx is judged by their own address, not nginx's).
- ``SENTRY_DSN``: errors go to Sentry (with ``SENTRY_ENVIRONMENT``, ``SENTRY_RELEASE`` and
  ``SENTRY_TRACES_SAMPLE_RATE``, 0 by default); nothing is sent without it.
"""

JSON_FIELDS = ["asctime", "levelname", "name", "message", "request_id", "method", "path"]


def operations_settings(environ):
    """``{setting: value}`` for logging and metrics from ``environ``."""
    json_logs = environ.get("DJANGO_LOG_FORMAT", "").strip().lower() == "json"
    handler = {"class": "logging.StreamHandler"}
    if json_logs:
        handler.update(formatter="json", filters=["request"])
    return {
        "LOGGING": {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "json": {
                    "()": "pythonjsonlogger.json.JsonFormatter",
                    "fmt": JSON_FIELDS,
                    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                    "datefmt": "%Y-%m-%dT%H:%M:%S%z",
                }
            },
            "filters": {"request": {"()": "operations.logs.RequestContextFilter"}},
            "handlers": {"console": handler},
            "root": {"handlers": ["console"], "level": environ.get("DJANGO_LOG_LEVEL", "WARNING")},
            "loggers": {
                # Not-found pages are normal traffic (crawlers); the access log records them.
                "django.request": {"level": "ERROR"},
                # One line per request, in JSON mode (the development server prints its own).
                "operations.requests": {"level": "INFO" if json_logs else "WARNING"},
            },
        },
        "METRICS_TOKEN": environ.get("DJANGO_METRICS_TOKEN", ""),
        "METRICS_NETWORKS": [
            item.strip()
            for item in environ.get("DJANGO_METRICS_NETWORKS", "127.0.0.0/8,::1/128").split(",")
            if item.strip()
        ],
    }


def init_sentry(environ):
    """Start reporting errors to Sentry if ``SENTRY_DSN`` is set; True if it was."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environ.get("SENTRY_ENVIRONMENT") or None,
        release=environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
        # Visitors' and editors' addresses, cookies and names stay here.
        send_default_pii=False,
    )
    return True
