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
    path = context["request"].path
    trail = get_menu().trail(path)
    crumbs = [{"title": node.title, "url": node.url} for node in trail] + list(extra or [])
    return {"breadcrumbs": distinct_crumbs(crumbs, path), "current_title": current_title}


def distinct_crumbs(crumbs, current_path):
    """``crumbs`` with one link per page: a menu heading and its first entry often share an
    address (“Publications” › “RSIS Publications”), and the deeper name is kept; a crumb to
    the current page itself is left out."""
    kept = []
    for crumb in crumbs:
        if crumb["url"] == current_path:
            continue
        if kept and kept[-1]["url"] == crumb["url"]:
            kept[-1] = crumb
        else:
            kept.append(crumb)
    return kept
