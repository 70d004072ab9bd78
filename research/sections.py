def research_sections():
    """Menu targets: each centre and programme."""
    from .models import Centre

    for centre in Centre.objects.only("name", "slug", "kind"):
        label = f"{centre.get_kind_display()}: {centre.name}"
        yield centre_section(centre.pk), label, centre.get_absolute_url()


def centre_section(pk):
    return f"research:centre:{pk}"


def centre_section_by_slug(slug):
    """The menu key of the centre with ``slug`` (for demo content written with slugs)."""
    from .models import Centre

    return centre_section(Centre.objects.get(slug=slug).pk)


def centre_owns_address(kwargs):
    """/research/<slug>/ belongs to a centre only if one has that slug; else pages may use it."""
    from .models import Centre

    return Centre.objects.filter(slug=kwargs.get("slug")).exists()
