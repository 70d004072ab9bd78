"""Items that become public start their alerts, once the change is saved."""

from django.db import transaction
from django.utils import timezone


def item_saved(sender, instance, **kwargs):
    """A recently published item asks for the alerts (an import of old items does not)."""
    from .sending import ANNOUNCE_WINDOW

    out = instance.published_at
    if instance.is_public() and out and timezone.now() - ANNOUNCE_WINDOW <= out:
        from .tasks import announce_new_items

        transaction.on_commit(announce_new_items.enqueue, robust=True)
