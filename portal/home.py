"""The home page's content, gathered from each part of the site once per content generation."""

from django.template.loader import render_to_string

from core.content_cache import memo_html

FEATURED_EVENTS = 4
FEATURED_HIGHLIGHTS = 4


def home_html():
    """The home page's body, safe to insert."""
    return memo_html("fragment:home", _render)


def _render():
    from events.queries import upcoming_events
    from newsroom.queries import latest_highlights
    from publications.queries import home_publications

    context = {
        **home_publications(),
        "events": upcoming_events(FEATURED_EVENTS),
        "highlights": latest_highlights(FEATURED_HIGHLIGHTS),
    }
    return render_to_string("portal/includes/home_body.html", context)
