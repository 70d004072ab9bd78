"""Writes to the menu tree. Tree fields change only through django-mptt's own API."""

from django.db import transaction

from .models import MenuItem


@transaction.atomic
def menu_build_demo(*, entries, pages):
    """Create the items of ``entries`` (see ``navigation.demo.walk``) that do not exist yet.

    Existing items are left as editors made them. Returns the number of items created.
    """
    by_path = {}
    created = 0
    for path, parent_path, title, options in entries:
        parent = by_path.get(parent_path)
        slug = path.rpartition("/")[2]
        item = MenuItem.objects.filter(parent=parent, slug=slug).first()
        if item is None:
            content = pages.get(path, {})
            section = options.get("section", "")
            item = MenuItem(
                parent=parent,
                slug=slug,
                title=title,
                kind=options.get("kind", MenuItem.Kind.PAGE),
                section=section() if callable(section) else section,
                url=options.get("url", ""),
                show_in_menu=options.get("show_in_menu", True),
                summary=content.get("summary", ""),
                body=content.get("body", ""),
            )
            item.full_clean()
            item.save()
            created += 1
        by_path[path] = item
    return created
