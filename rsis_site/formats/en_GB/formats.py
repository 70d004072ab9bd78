"""Times as the site writes them when no template says otherwise: "3 Dec 2026, 14:05", on the
24-hour clock, never "2:05 p.m." beside "14:05". Everything not named here is Django's British
English (dates typed as 03/12/2026 or 2026-12-03, for instance)."""

DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
