from django.urls import reverse


def media_sections():
    """Menu targets: the media index and the list of each kind."""
    from .models import MediaItem

    yield "newsroom:index", "Media", reverse("newsroom:index")
    for kind in MediaItem.Kind:
        url = reverse("newsroom:kind", kwargs={"kind": kind.value})
        yield f"newsroom:kind:{kind.value}", f"Media: {kind.label}", url


def kind_owns_address(kwargs):
    """/media/<kind>/… belongs to media items only for a real kind; else pages may use it."""
    from .models import MediaItem

    return kwargs.get("kind") in MediaItem.Kind.values
