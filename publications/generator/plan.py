"""When and under which code each generated publication comes out.

Items are spread over every series (in proportion to how often each publishes) and over the
years up to yesterday; codes continue after the highest code and counter of each series and
year, and the counters are moved past the generated codes.
"""

import datetime
from collections import defaultdict
from itertools import chain

from publications.models import CODE_PATTERN, IssuedCode, Publication, SeriesCounter
from publications.services import MAX_NUMBER

FIRST_YEAR, LAST_YEAR = 2005, 2026
# Numbers of the current year left for editors, so they can still publish after a big run.
CURRENT_YEAR_RESERVE = 100

# How often each series publishes, relative to the others (unknown series count 1).
SERIES_WEIGHTS = {
    "annual-reviews": 0.15,
    "books": 0.5,
    "bulletins-and-newsletters": 1.5,
    "commentaries": 10,
    "counter-terrorist-trends-and-analyses": 1.2,
    "event-reports": 1.5,
    "idss-papers": 3,
    "interreligious-relations": 0.8,
    "monographs": 0.6,
    "nts-insight": 2,
    "policy-reports": 2.5,
    "working-papers": 3,
}


def plan(n, rng, series_list, counters, today):
    """``(day, series, number)`` for ``n`` items, in date order; numbers rise with the date
    inside each series and year and start after every code and counter already there."""
    highest = defaultdict(int)
    codes = Publication.objects.exclude(code=None).values_list("code", flat=True)
    issued = IssuedCode.objects.values_list("code", flat=True)
    for code in chain(codes.iterator(), issued.iterator()):
        match = CODE_PATTERN.fullmatch(code)
        if match:
            key = (match["prefix"], int(match["year"]))
            highest[key] = max(highest[key], int(match["number"]))
    slots = []  # (series, year, last number used, highest to use, first day, last day, weight)
    last_year = min(LAST_YEAR, today.year)
    for series in series_list:
        series_weight = SERIES_WEIGHTS.get(series.slug, 1)
        for year in range(FIRST_YEAR, last_year + 1):
            first_day = datetime.date(year, 1, 1)
            last_day = min(datetime.date(year, 12, 31), today - datetime.timedelta(days=1))
            if last_day < first_day:
                continue
            counter = counters.get((series.pk, year))
            used = max(counter.last_number if counter else 0,
                       highest[(series.code_prefix, year % 100)])  # fmt: skip
            days_share = ((last_day - first_day).days + 1) / 365
            weight = series_weight * (1 + 0.12 * (year - FIRST_YEAR)) * days_share
            limit = MAX_NUMBER - (CURRENT_YEAR_RESERVE if year == today.year else 0)
            slots.append((series, year, used, limit, first_day, last_day, weight))
    capacity = [max(0, limit - used) for _, _, used, limit, *_ in slots]
    if n > sum(capacity):
        raise ValueError(f"Only {sum(capacity)} codes are free in {FIRST_YEAR}–{last_year}.")
    counts = _share(n, [slot[-1] for slot in slots], capacity)
    items = []
    for (series, _, used, _, first_day, last_day, _), count in zip(slots, counts, strict=True):
        span = (last_day - first_day).days + 1
        days = sorted(first_day + datetime.timedelta(rng.randrange(span)) for _ in range(count))
        items.extend((day, series, used + i + 1) for i, day in enumerate(days))
    items.sort(key=lambda item: (item[0], item[1].order, item[1].pk, item[2]))
    return items


def _share(n, weights, capacity):
    """Split ``n`` in proportion to ``weights`` without giving any slot more than its capacity."""
    share = [0.0] * len(weights)
    free = {i for i, cap in enumerate(capacity) if cap > 0 and weights[i] > 0}
    left = float(n)
    while left > 1e-9 and free:
        total = sum(weights[i] for i in free)
        full = [i for i in free if share[i] + left * weights[i] / total >= capacity[i]]
        if not full:
            for i in free:
                share[i] += left * weights[i] / total
            break
        for i in full:
            left -= capacity[i] - share[i]
            share[i] = float(capacity[i])
            free.discard(i)
    counts = [min(int(value), capacity[i]) for i, value in enumerate(share)]
    by_remainder = sorted(range(len(share)), key=lambda i: share[i] - counts[i], reverse=True)
    missing = n - sum(counts)
    while missing > 0:  # rounding, or slots without weight; n fits, so this ends
        for i in by_remainder:
            if missing and counts[i] < capacity[i]:
                counts[i] += 1
                missing -= 1
    return counts


def advance_counters(chunk, counters):
    """Move each touched series-year counter up to the highest number of this batch."""
    highest = {}
    for day, series, number in chunk:
        key = (series.pk, day.year)
        highest[key] = max(highest.get(key, 0), number)
    for (series_id, year), number in highest.items():
        counter = counters.get((series_id, year))
        if counter is None:
            counter, _ = SeriesCounter.objects.get_or_create(series_id=series_id, year=year)
            counters[(series_id, year)] = counter
        SeriesCounter.objects.filter(pk=counter.pk, last_number__lt=number).update(
            last_number=number
        )
        counter.last_number = max(counter.last_number, number)
