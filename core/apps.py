from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site settings"

    def ready(self):
        from . import signals  # noqa: F401
