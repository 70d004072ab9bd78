"""Drop the cached menu whenever an item is saved, moved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from mptt.signals import node_moved

from .menu import invalidate_menu
from .models import MenuItem


@receiver([post_save, post_delete, node_moved], sender=MenuItem)
def menu_changed(**kwargs):
    invalidate_menu()
