"""iCalendar (RFC 5545) files of events, built with the ``icalendar`` package.

Times are written in UTC (``DTSTART:20260303T013000Z``), which every calendar client reads
without a VTIMEZONE block and shows in its user's own zone.
"""

import datetime
import re
from html import unescape

from django.http.request import split_domain_port
from django.utils.html import strip_tags
from icalendar import Calendar, vDuration
from icalendar import Event as VEvent

from core.site import get_site_context
from core.text import single_line

from .dates import when_text

PRODID = "-//RSIS//Events//EN"
REFRESH = datetime.timedelta(hours=6)
STATUS = {"published": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|h[1-6]|li|blockquote|pre|tr|figcaption)>", re.I)


def utc(moment):
    return moment.astimezone(datetime.UTC)


def uid_host(host):
    """The host part of event UIDs: the site's domain, without a port."""
    domain, _ = split_domain_port(host)
    return domain or "localhost"


def plain_text(html):
    """Rich text as plain text: one line per paragraph or list item, entities decoded."""
    return lines(unescape(strip_tags(BLOCK_END.sub("\n", html or ""))))


def lines(text):
    """``text`` with its line breaks, each line free of control characters, which a calendar
    file cannot carry (``icalendar`` escapes line breaks only)."""
    return "\n".join(line for line in map(single_line, text.splitlines()) if line)


def status_prefix(event):
    """“Cancelled: ” or “Postponed: ” before a title, for clients that ignore STATUS."""
    return "" if event.status == "published" else f"{event.get_status_display()}: "


def location(event):
    return " | ".join(single_line(part) for part in (event.venue, event.online_url) if part)


def description(event, url):
    speakers = ", ".join(
        speaker.display_name + (f" ({speaker.affiliation})" if speaker.affiliation else "")
        for speaker in event.speakers.all()
    )
    parts = [
        f"This event has been {event.get_status_display().lower()}."
        if event.status != "published"
        else "",
        lines(event.summary),
        f"When: {when_text(event.start, event.end)}",
        f"Speakers: {single_line(speakers)}" if speakers else "",
        f"Organised by {single_line(event.centre.name)}" if event.centre_id else "",
        plain_text(event.description),
        f"Details: {url}",
    ]
    return "\n\n".join(part for part in parts if part)


def component(event, absolute, host):
    """The VEVENT of ``event`` (speakers and centre loaded); ``absolute`` makes full URLs."""
    url = absolute(event.get_absolute_url())
    vevent = VEvent()
    vevent.add("uid", f"event-{event.pk}@{uid_host(host)}")
    vevent.add("dtstamp", utc(event.updated_at))
    vevent.add("created", utc(event.created_at))
    vevent.add("last-modified", utc(event.updated_at))
    vevent.add("dtstart", utc(event.start))
    vevent.add("dtend", utc(event.end))
    vevent.add("summary", single_line(status_prefix(event) + event.title))
    vevent.add("description", description(event, url))
    if location(event):
        vevent.add("location", location(event))
    vevent.add("url", single_line(url))
    vevent.add("status", STATUS[event.status])
    vevent.add("categories", [event.get_kind_display()])
    if event.status == "cancelled":
        vevent.add("transp", "TRANSPARENT")  # no longer blocks the time in a diary
    return vevent


def calendar(events, absolute, host, *, name, description_text=""):
    """A VCALENDAR holding ``events``, as bytes with CRLF line ends."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", single_line(name))
    cal.add("x-wr-calname", single_line(name))
    if description_text:
        cal.add("x-wr-caldesc", single_line(description_text))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())  # Outlook, Apple
    for event in events:
        cal.add_component(component(event, absolute, host))
    return cal.to_ical()


def event_file(event, absolute, host):
    site = get_site_context()
    return calendar([event], absolute, host, name=f"{site['short_name']}: {event.title}")


def feed_file(events, absolute, host):
    site = get_site_context()
    return calendar(
        events,
        absolute,
        host,
        name=f"{site['short_name']} Events",
        description_text=f"Upcoming events of the {site['name']}.",
    )
