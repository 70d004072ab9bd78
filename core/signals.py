"""Drop the cached site-wide facts whenever an editor changes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import FooterLink, SiteSettings, SocialLink
from .site import invalidate_site_context


@receiver([post_save, post_delete], sender=SiteSettings)
@receiver([post_save, post_delete], sender=SocialLink)
@receiver([post_save, post_delete], sender=FooterLink)
def site_facts_changed(**kwargs):
    invalidate_site_context()
