"""Demo site-wide facts: the reference site's address, social accounts and footer links.

The facts are in ``site.json``; ``site_settings_load_demo()`` fills the settings and links that
are still missing and never overwrites what editors changed.
"""

from django.db import transaction

from core.demodata import demo_json
from core.models import FooterLink, SiteSettings, SocialLink


@transaction.atomic
def site_settings_load_demo():
    """Fill the site settings and links if they are still empty; never overwrite edits."""
    facts = demo_json(__name__, "site.json")
    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row is None:
        settings_row = SiteSettings(**facts["site"])
        settings_row.full_clean()
        settings_row.save()
    for order, link in enumerate(facts["social_links"]):
        SocialLink.objects.get_or_create(
            network=link["network"],
            url=link["url"],
            defaults={"label": link["label"], "order": order},
        )
    for order, link in enumerate(facts["footer_links"]):
        FooterLink.objects.get_or_create(
            group=link["group"], url=link["url"], defaults={"label": link["label"], "order": order}
        )
