"""The emails of the review of an item: asked to review, sent back, approved, a new comment.

Each names the item and links to its admin page (at ``settings.SITE_URL``); each person gets
their own email, sent once the change is saved (after the transaction commits), so that
nobody is told of something that was then undone. A mail server that does not answer is
logged, and never undoes the review step nor shows the editor an error page.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from .models import ReviewComment

Kind = ReviewComment.Kind

#: The subject line of each kind of email.
SUBJECTS = {
    Kind.SUBMITTED: "Please review: “{title}”",
    Kind.SENT_BACK: "Sent back with comments: “{title}”",
    Kind.APPROVED: "Approved: “{title}”",
    Kind.COMMENT: "New comment on “{title}”",
}


def admin_address(item):
    """The full address of ``item``'s admin page (the site's address from ``SITE_URL``)."""
    opts = item._meta
    try:
        path = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        path = reverse("admin:index")
    return f"{(settings.SITE_URL or '').rstrip('/')}{path}"


def person(user):
    """How a member of staff is named on pages and in emails."""
    if user is None:
        return "Someone no longer on the staff"
    return user.get_full_name() or user.get_username()


def tell(kind, *, comment, recipients, **extra):
    """Email each of ``recipients`` (those with an address) about ``comment``, a step of the
    review of its item, once the current transaction commits."""
    item = comment.item
    messages = []
    for user in recipients:
        if not user.email:
            continue
        context = {
            "recipient": person(user),
            "by": person(comment.author),
            "item": item,
            "kind": item._meta.verbose_name,
            "title": str(item),
            "text": comment.text,
            "address": admin_address(item),
            **extra,
        }
        body = render_to_string(f"editorial/email/review_{kind}.txt", context)
        subject = SUBJECTS[kind].format(title=context["title"])
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    if messages:
        transaction.on_commit(lambda: _send(messages), robust=True)


def _send(messages):
    get_connection().send_messages(messages)
