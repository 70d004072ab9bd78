"""Which content pages answer for the public, for the editorial base's checks of links in
bodies (``editorial.registry.register_link_targets`` and ``register_link_fallback``): read
from the menu, which is built once and kept."""

from .menu import get_menu


def public_pages(addresses):
    """``/<path>/``: a public content page at that place in the menu."""
    menu = get_menu()
    return [
        menu.page_for_path(str(kwargs.get("path", "")).strip("/")) is not None
        for kwargs in addresses
    ]


def pages_at(paths):
    """Those of ``paths`` that are public content pages (other apps' addresses left free by
    them, such as ``/events/<a page>/``, may be content pages)."""
    menu = get_menu()
    return [path for path in paths if menu.page_for_path(path.strip("/")) is not None]
