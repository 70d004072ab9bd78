"""What the back office registers with the editorial base for the apps that cannot: the site
settings (``core`` imports no app), the tags (a package of its own) and the old addresses
(``redirects`` stands beside the editorial base and imports only ``core``).

Called once, from ``BackofficeConfig.ready()``.
"""

from taggit.models import Tag

from core.models import FooterLink, SiteSettings, SocialLink
from editorial.registry import register_link_fallback, register_roles, register_versioned
from redirects.links import moved


def register():
    # The site settings keep a history; only administrators change them (no role lists them).
    register_versioned(SiteSettings)
    register_versioned(SocialLink)
    register_versioned(FooterLink)
    # Contributors choose existing tags for their drafts; editors manage them.
    register_roles("taggit", chosen=[Tag])
    # Editors keep the old addresses (redirects); contributors do not see them.
    register_roles("redirects")
    # A link in a body to an old address kept as a move still leads readers on.
    register_link_fallback(moved)
