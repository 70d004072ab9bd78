"""Writes that touch more than one row: series codes, and each change of a publication's
state (publish, schedule, withdraw, and saving an item given out, e.g. a correction): one call
each, made by the admin's form, its list actions and a restore alike."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import IssuedCode, Publication, SeriesCounter, validate_code_format

MAX_NUMBER = 999


def code_next(*, series, year, publication=None):
    """The next free code of ``series`` for ``year``, recorded as issued for good.

    The counter row is locked until the caller's transaction ends, so two editors publishing
    at the same moment get different numbers. A number is never handed out twice: codes of
    withdrawn and deleted items stay issued, and codes typed by hand are skipped.
    """
    with transaction.atomic():
        counter, _ = SeriesCounter.objects.select_for_update().get_or_create(
            series=series, year=year
        )
        number, code = _next_free(series, year, counter.last_number)
        counter.last_number = number
        counter.save(update_fields=["last_number"])
        IssuedCode.objects.create(code=code, publication=publication)
        return code


def _next_free(series, year, last_number):
    """(number, code) of the first code of ``series`` and ``year`` after ``last_number`` that
    no item has or had."""
    stem = f"{series.code_prefix}{year % 100:02d}"
    taken = set(IssuedCode.objects.filter(code__startswith=stem).values_list("code", flat=True))
    taken.update(Publication.objects.filter(code__startswith=stem).values_list("code", flat=True))
    number = last_number
    while True:
        number += 1
        if number > MAX_NUMBER:
            raise ValidationError(f"{series.name} has used all {MAX_NUMBER} codes of {year}.")
        code = f"{stem}{number:03d}"
        if code not in taken:
            return number, code


def code_announcement(publication):
    """What publishing ``publication`` now gives it, in a line for its “Publish now” button:
    the code it keeps, or the one it would be given (nothing is issued by asking)."""
    if publication.code:
        return f"It keeps its code {publication.code}."
    if not publication.series_id:
        return "It is given the next code of its series."
    year = (publication.publication_date or timezone.localdate()).year
    counter = SeriesCounter.objects.filter(series=publication.series, year=year).first()
    try:
        _, code = _next_free(publication.series, year, counter.last_number if counter else 0)
    except ValidationError as error:
        return " ".join(error.messages)
    return f"It will be given the code {code} unless someone publishes in the series first."


def publication_save(*, publication):
    """Save an item as an editor left it in its form: given out (published or scheduled)
    through ``publication_release``, in any other state as it is. One save of the row."""
    if publication.status in Publication.RELEASED:
        return publication_release(publication=publication)
    publication.save()
    return publication


def publication_release(*, publication):
    """Complete an item whose status was just set to published or scheduled, and save it once.

    Fills in the publication time (now, unless scheduled), the printed date (the local day it
    goes out, unless the editor gave one) and the series code. An item that has never been
    public and is rescheduled gets its date, and if the year changed its code, again. The row
    is saved once (its search entry and the content generation follow that one save).
    """
    if publication.status not in Publication.RELEASED:
        raise ValueError("Only published or scheduled items are released.")
    now = timezone.now()
    with transaction.atomic():
        before = None
        if publication.pk is not None:
            before = (
                Publication.objects.select_for_update()
                .filter(pk=publication.pk)
                .values("status", "published_at", "publication_date", "code")
                .first()
            )
        if publication.status == Publication.Status.SCHEDULED:
            if publication.published_at is None:
                raise ValidationError("A scheduled item needs a time to publish.")
        elif publication.published_at is None or publication.published_at > now:
            publication.published_at = now
        if _date_came_from_schedule(before, publication, now):
            publication.publication_date = None
        if publication.publication_date is None:
            publication.publication_date = timezone.localdate(publication.published_at)
        year = publication.publication_date.year
        if publication.code and _code_came_from_schedule(before, publication, now, year):
            publication.code = None
        given = not publication.code
        if given:
            # Issued with no item yet: it points to the item once the item is saved.
            publication.code = code_next(series=publication.series, year=year)
        publication.save()
        if given:
            IssuedCode.objects.filter(code=publication.code).update(publication=publication)
        else:
            _register_typed_code(publication)
    return publication


def _never_public(before, now):
    return before is not None and (
        before["status"] == Publication.Status.DRAFT
        or before["status"] == Publication.Status.SCHEDULED
        and (before["published_at"] is None or before["published_at"] > now)
    )


def _date_came_from_schedule(before, publication, now):
    """Whether the printed date was filled in from an earlier, not yet reached, schedule."""
    return (
        _never_public(before, now)
        and before["published_at"] is not None
        and before["publication_date"] == timezone.localdate(before["published_at"])
        and publication.publication_date == before["publication_date"]
        and publication.published_at != before["published_at"]
    )


def _code_came_from_schedule(before, publication, now, year):
    """Whether the code was given when the item was scheduled for a year it no longer has."""
    return (
        _never_public(before, now)
        and before["status"] == Publication.Status.SCHEDULED
        and publication.code == before["code"]
        and publication.code[-5:-3] != f"{year % 100:02d}"
    )


def _register_typed_code(publication):
    issued = IssuedCode.objects.filter(code=publication.code).first()
    if issued is None:
        # Never issued, and the row just saved holds it (the code is unique among items):
        # only its format and prefix are left to check.
        validate_code_format(publication.code, publication.series)
        IssuedCode.objects.create(code=publication.code, publication=publication)
    elif issued.publication_id != publication.pk:
        raise ValidationError(f"{publication.code} was given to another item.")


def publication_publish(*, publication, at=None):
    """Publish now, or at ``at`` if that is in the future (then it is scheduled)."""
    if at is not None and at > timezone.now():
        return publication_schedule(publication=publication, at=at)
    publication.status = Publication.Status.PUBLISHED
    if publication.published_at and publication.published_at > timezone.now():
        publication.published_at = None
    return publication_release(publication=publication)


def publication_schedule(*, publication, at):
    """Publish at ``at``: the item goes public by itself then."""
    publication.status, publication.published_at = Publication.Status.SCHEDULED, at
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
