"""Which media addresses show something to the public, for the editorial base's checks of
links in bodies (``editorial.registry.register_link_targets``): one query for many."""

from .models import MediaItem


def public_items(addresses):
    """``/media/<kind>/<slug>/``: a public media item with a page of its own."""
    slugs = {kwargs.get("slug", "") for kwargs in addresses}
    found = set(
        MediaItem.objects.public().with_page().filter(slug__in=slugs).values_list("kind", "slug")
    )
    return [(kwargs.get("kind"), kwargs.get("slug")) in found for kwargs in addresses]
