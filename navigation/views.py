from django.http import Http404
from django.shortcuts import render

from core.content_cache import memo

from .menu import get_menu
from .models import MenuItem


def page(request, path):
    """A content page at its address in the menu tree, e.g. /about-rsis/introduction/."""
    menu = get_menu()
    node = menu.page_for_path(path)
    if node is None:
        raise Http404("No page at this address.")
    item = memo(f"navigation:page:{node.id}", lambda: _page_item(node.id))
    if item is None:
        raise Http404("No page at this address.")
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


def _page_item(pk):
    fields = ("id", "title", "summary", "body", "updated_at")
    return MenuItem.objects.published().only(*fields).filter(pk=pk).first()
