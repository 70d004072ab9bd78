"""The site-wide facts every page shows, read once per content generation."""

from .content_cache import memo


def build_site_context():
    from .models import FooterLink, SiteSettings, SocialLink

    settings_row = SiteSettings.load()
    footer = {group: [] for group in FooterLink.Group.values}
    for link in FooterLink.objects.all():
        footer[link.group].append({"label": link.label, "url": link.url})
    return {
        "name": settings_row.name,
        "short_name": settings_row.short_name,
        "tagline": settings_row.tagline,
        "parent_institution": settings_row.parent_institution,
        "introduction": settings_row.introduction,
        "address_lines": [line for line in settings_row.address.splitlines() if line.strip()],
        "map_url": settings_row.map_url,
        "directions_url": settings_row.directions_url,
        "email": settings_row.email,
        "copyright_holder": settings_row.copyright_holder or settings_row.name,
        "cookie_notice": settings_row.cookie_notice,
        "cookie_policy_url": settings_row.cookie_policy_url,
        "social_links": [
            {"network": s.network, "label": s.label, "url": s.url, "name": s.get_network_display()}
            for s in SocialLink.objects.all()
        ],
        "footer_links": footer,
    }


def get_site_context():
    return memo("site", build_site_context)
