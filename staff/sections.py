def staff_sections():
    """Menu targets: the directory and each staff group."""
    from django.urls import reverse

    from .models import StaffGroup

    yield "staff:directory", "Staff directory", reverse("staff:directory")
    for group in StaffGroup.objects.only("name", "slug"):
        yield group_section(group.pk), f"Staff group: {group.name}", group.get_absolute_url()


def group_section(pk):
    return f"staff:group:{pk}"


def group_section_by_slug(slug):
    """The menu key of the group with ``slug`` (for demo content written with slugs)."""
    from .models import StaffGroup

    return group_section(StaffGroup.objects.get(slug=slug).pk)
