"""A centre's name or address appears in the menu: refresh it when centres change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from navigation.menu import invalidate_menu

from .models import Centre


@receiver([post_save, post_delete], sender=Centre)
def centre_changed(**kwargs):
    invalidate_menu()
