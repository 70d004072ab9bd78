"""The review of an item before it goes out: its author asks, an editor answers.

An author submits a draft for review, asking every editor (everyone who holds the publish
permission of its kind) or one chosen editor. An editor then sends it back with comments (it
becomes a draft again) or approves it by publishing or scheduling it. A correction of a public
item kept for later (``editorial.corrections``) is reviewed the same way, the item staying
public meanwhile: sent back, it stays kept; publishing it approves it. Anyone working on the
item may add a comment at any time. Every step is kept with the item (its page and its history
show them), is a line of the activity list, and is told by email to the people it concerns,
once the change is saved.

The calls below are keyword-only, for the admin's buttons; who may press which button is the
admin's check (403 otherwise), not theirs. A refused call (bad input, an item in the wrong
state) raises ``ValidationError`` with a message for the editor, and changes nothing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.text import Truncator

from . import review_mail
from .models import PendingCorrection, ReviewComment, ReviewRequest
from .ownership import is_editor, worked_on_by
from .registry import PUBLISHABLE
from .review_mail import person
from .times import local_time
from .versioning import separate_revision

#: The states of an item the review moves it between.
DRAFT, REVIEW = "draft", "review"

Kind = ReviewComment.Kind
State = ReviewRequest.State


# Who reviews ------------------------------------------------------------------------------


def editors_of(model):
    """The active staff who may publish items of ``model`` (its publish permission, through a
    role, their own permissions or as superusers): those asked to review when no one is chosen."""
    app_label, codename = PUBLISHABLE[model._meta.label_lower].split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holders = Q(is_superuser=True) | Q(user_permissions__in=permission)
    holders |= Q(groups__permissions__in=permission)
    User = get_user_model()
    ids = User._default_manager.filter(holders).values("pk")
    return User._default_manager.filter(pk__in=ids, is_active=True, is_staff=True).order_by(
        "first_name", "last_name", "username"
    )


def may_review(user, model):
    """Whether ``user`` may be asked to review items of ``model`` (an active editor)."""
    return user.is_active and user.is_staff and is_editor(user, model)


# The steps --------------------------------------------------------------------------------


def submit_for_review(*, item, by, reviewer=None, note=""):
    """Ask for ``item`` to be reviewed by ``reviewer`` (an editor), or by every editor.

    A draft's status becomes "review" (it is saved if it was not already); a public item with
    a correction kept for later stays as it is, the correction is reviewed. An open request for
    it is replaced by this one. Returns the ``ReviewRequest``.
    """
    model = type(item)
    correction = item.status not in (DRAFT, REVIEW) and has_kept_correction(item)
    if item.status not in (DRAFT, REVIEW) and not correction:
        raise ValidationError("Only a draft or a kept correction can be submitted for review.")
    if reviewer is not None and not may_review(reviewer, model):
        raise ValidationError(
            f"{person(reviewer)} cannot review this item: choose an editor, or ask every editor."
        )
    note = note.strip()
    asked = person(reviewer) if reviewer is not None else "every editor"
    with transaction.atomic():
        if not correction and item.status != REVIEW:
            item.status = REVIEW
            item.save()
        now = timezone.now()
        _requests(item).filter(state=State.OPEN).update(
            state=State.REPLACED, closed_at=now, closed_by=by
        )
        request = ReviewRequest.objects.create(
            item=item, requested_by=by, reviewer=reviewer, note=note, created_at=now
        )
        what = "The kept correction was submitted" if correction else "Submitted"
        summary = f"{what} for review, asking {asked}." + _quoted(" Note: ", note)
        comment = _record(item, by, Kind.SUBMITTED, note, request, summary)
        if reviewer is not None:
            recipients = [reviewer]
        else:
            recipients = list(editors_of(model).exclude(pk=by.pk))
        review_mail.tell(Kind.SUBMITTED, comment=comment, recipients=recipients, asked=asked)
    return request


def send_back(*, item, by, comment):
    """Return ``item``, waiting for review, to its author with ``comment`` (required): it
    becomes a draft again (a kept correction stays kept) and its author is told. Returns the
    ``ReviewComment``."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Write what needs changing before sending the item back.")
    if not is_waiting(item):
        raise ValidationError("This item is not waiting for review, so it cannot be sent back.")
    with transaction.atomic():
        if item.status == REVIEW:
            item.status = DRAFT
            item.save()
        request = _close_open_request(item, by, State.SENT_BACK)
        summary = _quoted("Sent back with comments: ", comment)
        step = _record(item, by, Kind.SENT_BACK, comment, request, summary)
        review_mail.tell(Kind.SENT_BACK, comment=step, recipients=_authors(item, request, by))
    return step


def record_approval(*, item, by, comment=""):
    """Record that ``by`` approved ``item``, just published or scheduled after it waited for
    review: its open request is closed and its author told. Returns the ``ReviewComment``."""
    comment = (comment or "").strip()
    if item.is_public():
        outcome = "published"
    elif getattr(item, "published_at", None):
        outcome = f"scheduled for {local_time(item.published_at)}"
    else:
        outcome = item.get_status_display().lower()
    with transaction.atomic():
        request = _close_open_request(item, by, State.APPROVED)
        summary = f"Approved and {outcome}." + _quoted(" Comment: ", comment)
        step = _record(item, by, Kind.APPROVED, comment, request, summary)
        review_mail.tell(
            Kind.APPROVED, comment=step, recipients=_authors(item, request, by), outcome=outcome
        )
    return step


def add_comment(*, item, by, text):
    """Add ``text`` to the conversation about ``item``; the others in it are told: the author
    when someone else writes, the reviewers asked when the author writes."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("Write a comment first.")
    with transaction.atomic():
        request = open_request(item)
        step = _record(item, by, Kind.COMMENT, text, request, _quoted("Commented: ", text))
        review_mail.tell(Kind.COMMENT, comment=step, recipients=_others(item, request, by))
    return step


def _quoted(prefix, text):
    """``prefix`` and the start of ``text`` in quotes, for the activity list; "" without text."""
    return f"{prefix}“{Truncator(text).chars(200)}”" if text else ""


def _record(item, by, kind, text, request, summary):
    """The step, kept with the item, and ``summary`` as its line in the activity list."""
    with separate_revision(by, summary):
        step = ReviewComment.objects.create(
            item=item, request=request, author=by, kind=kind, text=text
        )
    return step


def close_review(*, item, by, state):
    """Close the open request of ``item`` (if any) in ``state``, e.g. its kept correction was
    discarded."""
    return _close_open_request(item, by, state)


def _close_open_request(item, by, state):
    request = open_request(item)
    if request is not None:
        request.state, request.closed_at, request.closed_by = state, timezone.now(), by
        request.save(update_fields=["state", "closed_at", "closed_by"])
    return request


def _authors(item, request, by):
    """Who is told of a decision: who asked for the review, and the item's author."""
    people = [request.requested_by if request else None, getattr(item, "created_by", None)]
    return _unique(people, but=by)


def _others(item, request, by):
    """Who is told of a comment: the author and who asked; when the author writes, the
    reviewer asked (every editor when none was chosen) instead."""
    authors = _authors(item, request, None)
    if request is None or by not in authors:
        return _unique(authors, but=by)
    reviewers = [request.reviewer] if request.reviewer else list(editors_of(type(item)))
    return _unique(reviewers, but=by)


def _unique(users, *, but):
    seen, kept = {getattr(but, "pk", None)}, []
    for user in users:
        if user is not None and user.pk not in seen:
            seen.add(user.pk)
            kept.append(user)
    return kept


# What the pages read ----------------------------------------------------------------------


def _requests(item):
    return ReviewRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )


def has_kept_correction(item):
    return PendingCorrection.objects.for_item(item).exists()


def is_waiting(item):
    """Whether ``item`` waits for a review: a draft submitted, or a kept correction."""
    if item.status == REVIEW:
        return True
    return open_request(item) is not None and has_kept_correction(item)


def _kept(model):
    """The ids of the items of ``model`` with a correction kept for later."""
    return PendingCorrection.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    ).values("object_id")


def open_request(item):
    """The request of ``item`` waiting for an answer, with who asked and who was asked, or
    None."""
    return (
        _requests(item)
        .filter(state=State.OPEN)
        .select_related("requested_by", "reviewer")
        .order_by("-created_at", "-id")
        .first()
    )


def latest_request(item):
    return _requests(item).select_related("requested_by", "reviewer", "closed_by").first()


def conversation(item):
    """Every step of the review of ``item``, oldest first, with who wrote it."""
    return list(
        ReviewComment.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).select_related("author", "request__reviewer")
    )


def waiting_for(user, queryset):
    """The items of ``queryset`` waiting for ``user``'s review: asked of them, or of every
    editor when they are one (not their own requests), each with ``review_request_id`` and
    ``review_asked_at``."""
    model = queryset.model
    if not is_editor(user, model):
        return queryset.none()
    asked = (
        ReviewRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            state=State.OPEN,
        )
        .filter(Q(reviewer=user.pk) | Q(reviewer=None) & ~Q(requested_by=user.pk))
        .order_by("-created_at", "-id")
    )
    return (
        queryset.filter(Q(status=REVIEW) | Q(pk__in=_kept(model)))
        .annotate(
            review_request_id=Subquery(asked.values("pk")[:1]),
            review_asked_at=Subquery(asked.values("created_at")[:1]),
        )
        .filter(review_request_id__isnull=False)
    )


def sent_back_to(user, queryset):
    """The drafts of ``queryset`` that ``user`` works on or asked a review of, sent back at
    their last review, each with ``review_sent_back_at`` and ``review_comment_id`` (the latest
    step of their conversation)."""
    model = queryset.model
    content_type = ContentType.objects.get_for_model(model)
    requests = ReviewRequest.objects.filter(content_type=content_type)
    latest = requests.filter(object_id=OuterRef("pk")).order_by("-created_at", "-id")
    steps = ReviewComment.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
    asked_by_user = requests.filter(requested_by=user.pk).values("object_id")
    return (
        queryset.filter(worked_on_by(user, model) | Q(pk__in=asked_by_user))
        .filter(Q(status=DRAFT) | Q(pk__in=_kept(model)))
        .annotate(
            review_state=Subquery(latest.values("state")[:1]),
            review_sent_back_at=Subquery(latest.values("closed_at")[:1]),
            review_comment_id=Subquery(steps.order_by("-created_at", "-id").values("pk")[:1]),
        )
        .filter(review_state=State.SENT_BACK)
    )


def requests_by_id(ids):
    """``{id: ReviewRequest}`` with who asked, in one query."""
    found = ReviewRequest.objects.filter(pk__in=[pk for pk in ids if pk]).select_related(
        "requested_by"
    )
    return {request.pk: request for request in found}


def comments_by_id(ids):
    """``{id: ReviewComment}`` with their authors, in one query."""
    found = ReviewComment.objects.filter(pk__in=[pk for pk in ids if pk]).select_related("author")
    return {comment.pk: comment for comment in found}
