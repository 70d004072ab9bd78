from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = "Menu and pages"

    def ready(self):
        from . import signals  # noqa: F401
