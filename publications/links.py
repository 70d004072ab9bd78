"""Which addresses of the publications show something to the public, for the editorial
base's checks of links in bodies (``editorial.registry.register_link_targets``): each answers
for many addresses at once, in one query."""

from .models import Publication, Series


def public_items(addresses):
    """``/publications/<series>/<slug>/`` (and its PDF): a public publication."""
    slugs = {kwargs.get("slug", "") for kwargs in addresses}
    found = set(
        Publication.objects.public().filter(slug__in=slugs).values_list("series__slug", "slug")
    )
    return [(kwargs.get("series"), kwargs.get("slug")) in found for kwargs in addresses]


def public_codes(addresses):
    """``/p/<CODE>/`` and ``/p/<CODE>.pdf``: a public publication with that code (any case)."""
    codes = {str(kwargs.get("code", "")).upper() for kwargs in addresses}
    found = set(Publication.objects.public().filter(code__in=codes).values_list("code", flat=True))
    return [str(kwargs.get("code", "")).upper() in found for kwargs in addresses]


def existing_series(addresses):
    """``/publications/<series>/``: a series (a content page may use a free address too)."""
    slugs = {kwargs.get("series", "") for kwargs in addresses}
    found = set(Series.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [kwargs.get("series") in found for kwargs in addresses]
