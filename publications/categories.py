"""The category tree, read once per content generation (the only module that walks it)."""

from dataclasses import dataclass

from core.content_cache import memo

PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class CategoryNode:
    pk: int
    name: str
    slug: str
    path: str
    depth: int
    axis_pk: int
    descendant_pks: tuple
    #: The names from its axis down to it, e.g. "Country and Region Studies › Southeast Asia
    #: and ASEAN": how the admin names it wherever editors choose a category.
    full_name: str


def category_nodes():
    """Every category as a CategoryNode, in tree order, keyed by primary key."""
    # Named after the nodes' shape, so that nodes kept in the shared cache by an older version
    # (without their full name) are never read.
    return memo("publications:category-nodes", _build)


def node_by_path(path):
    for node in category_nodes().values():
        if node.path == path:
            return node
    return None


def nodes_by_slug(slug):
    """Every category whose own slug is ``slug`` (slugs are unique only among siblings)."""
    return [node for node in category_nodes().values() if node.slug == slug]


def axes():
    """Top-level categories with their descendants, for filter forms."""
    nodes = category_nodes()
    return [
        (node, [n for n in nodes.values() if n.axis_pk == node.pk and n.depth > 0])
        for node in nodes.values()
        if node.depth == 0
    ]


def _build():
    from .models import Category

    nodes, order = {}, []

    def visit(category, prefix, axis_pk, names):
        order.append(category.pk)
        path = f"{prefix}{category.slug}"
        names = (*names, category.name)
        children = category.get_children()
        for child in children:
            visit(child, f"{path}/", axis_pk, names)
        below = tuple(
            pk for child in children for pk in (child.pk, *nodes[child.pk].descendant_pks)
        )
        nodes[category.pk] = CategoryNode(
            category.pk,
            category.name,
            category.slug,
            path,
            category.level,
            axis_pk,
            below,
            PATH_SEPARATOR.join(names),
        )

    for root in Category.objects.all().get_cached_trees():
        visit(root, "", root.pk, ())
    return {pk: nodes[pk] for pk in order}  # tree order: parents before children
