from django.urls import reverse


def event_sections():
    """Menu targets: the events list."""
    yield "events:index", "Events", reverse("events:index")


def event_owns_address(kwargs):
    """/events/<slug>/ belongs to an event (even a draft) if one has that slug; else content
    pages of the menu may use it."""
    from .models import Event

    return Event.objects.filter(slug=kwargs.get("slug")).exists()
