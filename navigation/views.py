from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .menu import get_menu
from .models import MenuItem


def page(request, path):
    """A content page at its address in the menu tree, e.g. /about-rsis/introduction/."""
    menu = get_menu()
    node = menu.page_for_path(path)
    if node is None:
        raise Http404("No page at this address.")
    item = get_object_or_404(
        MenuItem.objects.published().only("id", "title", "summary", "body", "updated_at"),
        pk=node.id,
    )
    section, section_items = menu.section_of(node)
    return render(
        request,
        "navigation/page.html",
        {
            "item": item,
            "node": node,
            "section": section,
            "section_items": section_items,
            "children": node.children,
            "current_menu_node": node,
        },
    )
