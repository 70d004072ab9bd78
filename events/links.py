"""Which event addresses show something to the public, for the editorial base's checks of
links in bodies (``editorial.registry.register_link_targets``): one query for many."""

from .models import Event


def public_events(addresses):
    """``/events/<slug>/`` (and its calendar file): a public event."""
    slugs = {kwargs.get("slug", "") for kwargs in addresses}
    found = set(Event.objects.public().filter(slug__in=slugs).values_list("slug", flat=True))
    return [kwargs.get("slug") in found for kwargs in addresses]
