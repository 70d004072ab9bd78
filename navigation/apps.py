from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = "Menu and pages"

    def ready(self):
        from mptt.signals import node_moved

        from core.content_cache import bump_generation, watch

        from . import registration
        from .models import MenuItem

        watch(MenuItem)
        node_moved.connect(bump_generation, sender=MenuItem, dispatch_uid="content-cache:moved")
        registration.register()
