"""Checks of query-string values shared by every list: an unusable value is a 404, never a 500."""

import re

from django.http import Http404

MAX_VALUE = 200
FIRST_YEAR, LAST_YEAR = 1966, 2100
YEAR_PATTERN = re.compile(r"[0-9]{4}")  # ASCII digits only: str.isdigit() accepts “²”


def clean(name, value):
    """``value`` stripped, or Http404 if it holds a NUL character or is absurdly long."""
    if "\x00" in value:
        raise Http404(f"The value of “{name}” contains a NUL character.")
    if len(value) > MAX_VALUE:
        raise Http404(f"The value of “{name}” is longer than {MAX_VALUE} characters.")
    return value.strip()


def parse_year(raw):
    """``raw`` as a year between FIRST_YEAR and LAST_YEAR, or Http404."""
    if not YEAR_PATTERN.fullmatch(raw) or not FIRST_YEAR <= int(raw) <= LAST_YEAR:
        raise Http404(f"“{raw[:20]}” is not a year between {FIRST_YEAR} and {LAST_YEAR}.")
    return int(raw)
