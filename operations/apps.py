from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What keeps the site observable in production: health checks, request ids, logs,
    metrics and the page shown while the database is away."""

    name = "operations"
    verbose_name = "Operations"
