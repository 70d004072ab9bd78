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


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title, extra=None):
    """Home › the menu's trail to this address › ``extra`` crumbs › ``current_title``."""
    trail = get_menu().trail(context["request"].path)
    crumbs = [{"title": node.title, "url": node.url} for node in trail]
    return {"breadcrumbs": crumbs + list(extra or []), "current_title": current_title}
