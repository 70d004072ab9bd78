from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """Images and documents uploaded once and reused across pages and items."""

    name = "library"
    verbose_name = "Media library"

    def ready(self):
        from . import cleanup, registration

        registration.register()
        # A deleted image or document takes its files (and renditions) with it.
        cleanup.connect()
