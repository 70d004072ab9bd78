from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    """Old addresses the site keeps answering: each leads to where its content is now (301),
    or says the content was removed for good (410).

    The content apps tell it which of their models have public addresses
    (``redirects.tracking.register_moves``), so that an item that moves or is withdrawn
    leaves its old address behind it; it imports no content app.
    """

    name = "redirects"
    verbose_name = "Old addresses (redirects)"
    default_auto_field = "django.db.models.BigAutoField"
