"""Event times in Singapore time, and the head tags of an event page (OpenGraph, JSON-LD)."""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.site import get_site_context
from events.dates import moment_text, when_parts

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
EVENT_STATUS = {
    "published": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
ATTENDANCE = "https://schema.org/{}EventAttendanceMode"


@register.simple_tag
def event_when(event):
    """The event's date and time range in the site's zone, with the zone named, e.g.
    “Tuesday 3 March 2026, 09:30–11:00 SGT”."""
    parts = when_parts(event.start, event.end)
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time> <abbr title="{}">{}</abbr>',
        parts["start"].isoformat(timespec="seconds"),
        parts["start_text"],
        "–" if parts["same_day"] else " – ",
        parts["end"].isoformat(timespec="seconds"),
        parts["end_text"],
        parts["zone_name"],
        parts["zone"],
    )


@register.simple_tag
def event_moment(moment):
    """A single moment (e.g. a registration deadline) in the site's zone, zone named."""
    return format_html(
        '<time datetime="{}">{}</time>', moment.isoformat(timespec="seconds"), moment_text(moment)
    )


@register.simple_tag(takes_context=True)
def event_head(context, event):
    absolute = context["request"].build_absolute_uri
    site = get_site_context()
    url = absolute(event.get_absolute_url())
    image = event.feature_picture()
    image_url = absolute(image.jpeg_src) if image else ""
    og = [
        ("og:type", "website"),
        ("og:title", event.title),
        ("og:description", event.summary),
        ("og:url", url),
        ("og:site_name", site["name"]),
    ]
    if image_url:
        og.append(("og:image", image_url))
    og_tags = format_html_join("\n", '<meta property="{}" content="{}">', og)
    data = _json_ld(event, url, image_url, absolute, site)
    if context.get("registration_open"):
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    payload = json.dumps(data, ensure_ascii=False)
    json_ld = mark_safe(  # noqa: S308 - JSON with <, > and & escaped
        '<script type="application/ld+json">' + payload.translate(_JSON_ESCAPES) + "</script>"
    )
    return format_html("{}\n{}", og_tags, json_ld)


def _json_ld(event, url, image_url, absolute, site):
    locations = []
    if event.venue:
        locations.append({"@type": "Place", "name": event.venue, "address": event.venue})
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    mode = "Mixed" if len(locations) == 2 else "Online" if event.online_url else "Offline"
    if event.centre_id:
        organizer = {
            "@type": "Organization",
            "name": event.centre.name,
            "url": absolute(event.centre.get_absolute_url()),
        }
    else:
        organizer = {"@type": "Organization", "name": site["name"], "url": absolute("/")}
    when = when_parts(event.start, event.end)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": when["start"].isoformat(timespec="seconds"),
        "endDate": when["end"].isoformat(timespec="seconds"),
        "eventStatus": EVENT_STATUS.get(event.status, EVENT_STATUS["published"]),
        "eventAttendanceMode": ATTENDANCE.format(mode),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organizer,
        "performer": [_performer(speaker, absolute) for speaker in event.speakers.all()],
        "image": image_url,
    }
    return {key: value for key, value in data.items() if value}


def _performer(speaker, absolute):
    person = {"@type": "Person", "name": speaker.display_name}
    if speaker.person_id and speaker.person.active:
        person["url"] = absolute(speaker.person.get_absolute_url())
    if speaker.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return person
