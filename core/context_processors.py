from django.utils.functional import SimpleLazyObject

from .site import get_site_context


def site(request):
    """Expose the cached site-wide facts as ``site`` (read only when a template uses them)."""
    return {"site": SimpleLazyObject(get_site_context)}
