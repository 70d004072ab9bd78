from django import template
from django.utils.safestring import mark_safe

from ..menu import get_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def mega_menu(context):
    """The site's mega-menu with the current page marked, from the cache (no query when warm)."""
    menu = get_menu()
    current = context.get("current_menu_node")
    if current is None and "request" in context:
        current = menu.match(context["request"].path)
    return mark_safe(menu.marked_html(current))  # noqa: S308 - rendered by our own template


@register.simple_tag
def menu_roots():
    """Top-level menu items (for the home page's entry points)."""
    return [node for node in get_menu().roots if node.in_menu]
