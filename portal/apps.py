from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public site put together: the home page, site-wide fragments and the demo loader.

    It sits above every content app and may import any of them; nothing imports it.
    """

    name = "portal"
    verbose_name = "Public site"
