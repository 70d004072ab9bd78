"""Template fragments that depend on content only, rendered once per content generation."""

from django import template
from django.template.loader import render_to_string

from core.content_cache import memo_html
from core.site import get_site_context
from navigation.menu import get_menu

register = template.Library()


@register.simple_tag
def site_footer():
    """The footer: address, social and footer links from the site settings."""
    return memo_html(
        "fragment:footer",
        lambda: render_to_string("includes/footer.html", {"site": get_site_context()}),
    )


@register.simple_tag
def menu_entry_points():
    """The home page's cards: each top-level menu section with its first items."""
    return memo_html(
        "fragment:entry-points",
        lambda: render_to_string(
            "portal/includes/entry_points.html",
            {"roots": [node for node in get_menu().roots if node.in_menu]},
        ),
    )
