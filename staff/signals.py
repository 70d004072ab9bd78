"""A group's name or address appears in the menu: refresh it when groups change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from navigation.menu import invalidate_menu

from .models import StaffGroup


@receiver([post_save, post_delete], sender=StaffGroup)
def staff_group_changed(**kwargs):
    invalidate_menu()
