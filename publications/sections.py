from django.urls import reverse


def publication_sections():
    """Menu targets: all publications, each series, the years, and external publications."""
    from .models import ExternalPublication, Series

    yield "publications:index", "RSIS Publications", reverse("publications:index")
    yield "publications:years", "RSIS Publications for the Year", reverse("publications:years")
    for series in Series.objects.only("name", "slug"):
        yield series_section(series.pk), f"Series: {series.name}", series.get_absolute_url()
    yield "publications:external", "External Publications", reverse("publications:external")
    yield (
        "publications:external-years",
        "External Publications for the Year",
        reverse("publications:external-years"),
    )
    for kind in ExternalPublication.Kind:
        url = reverse("publications:external-kind", kwargs={"kind": kind.value})
        yield f"publications:external-kind:{kind.value}", f"External: {kind.label}", url


def series_section(pk):
    return f"publications:series:{pk}"


def series_section_by_slug(slug):
    from .models import Series

    return series_section(Series.objects.get(slug=slug).pk)


def series_owns_address(kwargs):
    """/publications/<slug>/ belongs to a series only if one has that slug."""
    from .models import Series

    return Series.objects.filter(slug=kwargs.get("series")).exists()
