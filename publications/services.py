"""Writes that touch more than one row: series codes, publishing and withdrawing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Publication, SeriesCounter

MAX_NUMBER = 999


def code_next(*, series, year):
    """The next free code of ``series`` for ``year``, reserved for good.

    The counter row is locked until the caller's transaction ends, so two editors publishing
    at the same moment get different numbers; numbers are never handed out twice, even when
    the item that had one is withdrawn or deleted, and codes typed by hand are skipped.
    """
    with transaction.atomic():
        counter, _ = SeriesCounter.objects.select_for_update().get_or_create(
            series=series, year=year
        )
        stem = f"{series.code_prefix}{year % 100:02d}"
        taken = set(
            Publication.objects.filter(code__startswith=stem).values_list("code", flat=True)
        )
        number = counter.last_number
        while True:
            number += 1
            if number > MAX_NUMBER:
                raise ValidationError(f"{series.name} has used all {MAX_NUMBER} codes of {year}.")
            code = f"{stem}{number:03d}"
            if code not in taken:
                break
        counter.last_number = number
        counter.save(update_fields=["last_number"])
        return code


def publication_release(*, publication):
    """Complete an item whose status was just set to published or scheduled, and save it.

    Fills in the publication time (now, unless scheduled), the printed date (the local day
    it goes out, unless the editor gave one) and the series code (at first publication).
    """
    Status = Publication.Status
    if publication.status not in (Status.PUBLISHED, Status.SCHEDULED):
        raise ValueError("Only published or scheduled items are released.")
    now = timezone.now()
    with transaction.atomic():
        if publication.status == Status.SCHEDULED:
            if publication.published_at is None:
                raise ValidationError("A scheduled item needs a time to publish.")
        elif publication.published_at is None or publication.published_at > now:
            publication.published_at = now
        if publication.publication_date is None:
            publication.publication_date = timezone.localdate(publication.published_at)
        if not publication.code:
            publication.code = code_next(
                series=publication.series, year=publication.publication_date.year
            )
        publication.save()
    return publication


def publication_publish(*, publication, at=None):
    """Publish now, or at ``at`` if that is in the future."""
    if at is not None and at > timezone.now():
        publication.status, publication.published_at = Publication.Status.SCHEDULED, at
    else:
        publication.status = Publication.Status.PUBLISHED
        if publication.published_at and publication.published_at > timezone.now():
            publication.published_at = None
    return publication_release(publication=publication)


def publication_withdraw(*, publication):
    """Take an item off the public site; its code stays reserved."""
    publication.status = Publication.Status.WITHDRAWN
    publication.save(update_fields=["status", "updated_at"])
    return publication


def next_scheduled_time():
    """When the next scheduled item goes live (ends the content generation at that moment)."""
    return (
        Publication.objects.filter(
            status=Publication.Status.SCHEDULED, published_at__gt=timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
