"""Event times as people read them: in the site's zone (Singapore), always with the zone named."""

from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat, timezone

# Short and long names of zones the site may run in; others fall back to their UTC offset.
ZONE_NAMES = {"Asia/Singapore": ("SGT", "Singapore time")}
DAY = "l j F Y"
TIME = "H:i"


@cache
def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def local(moment):
    return timezone.localtime(moment, site_zone())


def utc_offset(moment):
    """“UTC+8” for Singapore (“UTC+5:30” for a half-hour zone)."""
    minutes = int(local(moment).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_abbreviation(moment):
    return ZONE_NAMES.get(settings.TIME_ZONE, (utc_offset(moment),))[0]


def zone_name(moment):
    """What to call the zone in words, e.g. “Singapore time (UTC+8)”."""
    names = ZONE_NAMES.get(settings.TIME_ZONE)
    return f"{names[1]} ({utc_offset(moment)})" if names else utc_offset(moment)


def when_parts(start, end):
    """The pieces of an event's date and time in the site's zone.

    ``start_text`` and ``end_text`` read “Tuesday 3 March 2026, 09:30” and “11:00” on one
    day, or carry both dates when the event runs over several days.
    """
    start, end = local(start), local(end)
    same_day = start.date() == end.date()
    return {
        "start": start,
        "end": end,
        "start_text": dateformat.format(start, f"{DAY}, {TIME}"),
        "end_text": dateformat.format(end, TIME if same_day else f"{DAY}, {TIME}"),
        "same_day": same_day,
        "zone": zone_abbreviation(start),
        "zone_name": zone_name(start),
    }


def when_text(start, end):
    """One line of plain text, e.g. “Tuesday 3 March 2026, 09:30–11:00 SGT”."""
    parts = when_parts(start, end)
    dash = "–" if parts["same_day"] else " – "
    return f"{parts['start_text']}{dash}{parts['end_text']} {parts['zone']}"


def moment_text(moment):
    """A single moment, e.g. “Friday 27 February 2026, 17:00 SGT”."""
    return f"{dateformat.format(local(moment), f'{DAY}, {TIME}')} {zone_abbreviation(moment)}"
