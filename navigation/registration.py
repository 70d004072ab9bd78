"""What the menu tells the editorial base and the redirects: its pages keep a history; editors
manage it; a page renamed or moved (with the pages under it) leaves its old address behind.

Called once, from ``NavigationConfig.ready()``.
"""

from django.db.models import Subquery

from editorial.registry import (
    register_link_fallback,
    register_link_targets,
    register_roles,
    register_versioned,
)
from editorial.versioning import TREE_FIELDS
from redirects.tracking import register_moves

from . import links
from .menu import get_menu
from .models import MenuItem


def is_public_page(item):
    return item.kind == MenuItem.Kind.PAGE and item.published


def page_address(item):
    """A public page's address, from the cached menu (its ancestors need no query)."""
    node = get_menu().get(item.pk)
    return node.url if node is not None and node.kind == "page" else item.get_absolute_url()


def page_addresses(item):
    """``{page: address}`` of the public content pages at ``item`` and under it: what moves
    when it is renamed or moved. The item's own slug, parent and state are taken as given (as
    it is, or as it was); the pages above and under it are read from the database (two
    queries), as a move does not change them."""
    prefix = ""
    if item.parent_id is not None:
        parent = MenuItem.objects.filter(pk=item.parent_id)
        chain = list(
            MenuItem.objects.filter(
                tree_id=Subquery(parent.values("tree_id")),
                lft__lte=Subquery(parent.values("lft")),
                rght__gte=Subquery(parent.values("rght")),
            )
            .order_by("lft")
            .values_list("slug", "published")
        )
        if not chain or not all(published for _, published in chain):
            return {}
        prefix = "".join(f"{slug}/" for slug, _ in chain)
    if not item.published:
        return {}
    paths = {item.pk: f"{prefix}{item.slug}"}
    pages = {item: f"/{paths[item.pk]}/"} if is_public_page(item) else {}
    if item.pk is None:
        return pages
    me = MenuItem.objects.filter(pk=item.pk)
    under = (
        MenuItem.objects.filter(
            tree_id=Subquery(me.values("tree_id")),
            lft__gt=Subquery(me.values("lft")),
            rght__lt=Subquery(me.values("rght")),
        )
        .order_by("lft")
        .only("id", "parent_id", "slug", "kind", "published")
    )
    for page in under:
        if page.published and page.parent_id in paths:
            paths[page.pk] = f"{paths[page.parent_id]}/{page.slug}"
            if is_public_page(page):
                pages[page] = f"/{paths[page.pk]}/"
    return pages


def register():
    register_versioned(MenuItem, exclude=TREE_FIELDS)
    register_roles("navigation")
    # Links in bodies to content pages, which may also stand at addresses other apps
    # leave free: whether readers can open them.
    register_link_targets(["navigation:page"], links.public_pages)
    register_link_fallback(links.pages_at)
    register_moves(
        MenuItem,
        public=is_public_page,
        addresses=page_addresses,
        address=page_address,
        fields=("slug", "parent", "kind", "published"),
    )
