"""Times as the back office shows them: in Singapore time, one format ("3 Dec 2026, 14:05")."""

from django.utils import timezone
from django.utils.formats import date_format

#: The one format of a time in the back office (Django's date format).
TIME_FORMAT = "j M Y, H:i"


def local_time(value):
    """``value`` (an aware datetime) in the site's time zone, e.g. "3 Dec 2026, 14:05"; "" for
    None."""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), TIME_FORMAT)
