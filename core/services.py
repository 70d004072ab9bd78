"""Writes to the site-wide settings."""

from django.db import transaction

from .models import FooterLink, SiteSettings, SocialLink


@transaction.atomic
def site_settings_load_demo(*, site, social_links, footer_links):
    """Fill the site settings and links if they are still empty; never overwrite edits."""
    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row is None:
        settings_row = SiteSettings(**site)
        settings_row.full_clean()
        settings_row.save()
    for order, (network, label, url) in enumerate(social_links):
        SocialLink.objects.get_or_create(
            network=network, url=url, defaults={"label": label, "order": order}
        )
    for order, (group, label, url) in enumerate(footer_links):
        FooterLink.objects.get_or_create(
            group=group, url=url, defaults={"label": label, "order": order}
        )
