from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """The back office put together: the admin site and its front page (the dashboard), the
    site settings' admin and the tag admin with merging.

    It sits above every content app and the editorial base, and may import any of them;
    nothing imports it.
    """

    name = "backoffice"
    verbose_name = "Back office"

    def ready(self):
        from . import registration

        registration.register()
