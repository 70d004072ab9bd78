"""Site sections a menu item can link to, so editors pick from a list instead of typing URLs.

A section is stored as a key: a URL name (``core:home``) or a URL name and an object's primary
key (``research:centre:7``), so that a link follows its object when the object's address
changes. Apps add their sections with ``register_sections`` in ``AppConfig.ready()``, and may
declare that a URL pattern shares its addresses with content pages (``register_shared_address``)
when it only owns the addresses of its own objects.
"""

from django.urls import reverse

SECTIONS = {
    "core:home": "Home page",
    "search:results": "Search",
}
_providers = []
_shared_addresses = {}


def register_sections(provider):
    """Add ``provider``: a callable yielding ``(key, label, url)`` for each linkable section."""
    _providers.append(provider)


def all_sections():
    """Every section as ``(key, label, url)``, sorted by label (one query per provider)."""
    sections = [(key, label, reverse(key)) for key, label in SECTIONS.items()]
    for provider in _providers:
        sections.extend(provider())
    return sorted(sections, key=lambda section: section[1])


def section_choices():
    return [(key, label) for key, label, _ in all_sections()]


def section_urls():
    return {key: url for key, _, url in all_sections()}


def register_shared_address(view_name, owns):
    """Let content pages use addresses of ``view_name`` that ``owns(kwargs)`` says are free."""
    _shared_addresses[view_name] = owns


def address_owned_by_view(match):
    """Whether the resolved ``match`` belongs to its view rather than to a content page."""
    owns = _shared_addresses.get(match.view_name)
    return owns is None or owns(match.kwargs)
