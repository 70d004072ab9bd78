"""The "Review" panel of an item's admin page, and the two things it posts: a comment, and an
editor's "Send back with comments".

Anyone working on the item (its author, the colleagues it is shared with, the editors) may add
a comment; only an editor (a holder of the item's publish permission) may send it back, and
only while it waits for review. A forged request from anyone else is refused with 403.
"Submit for review" and "Publish"/"Schedule" are the item's own publishing buttons, which call
``editorial.review`` themselves.
"""

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, path, reverse
from django.views.decorators.http import require_POST

from . import review
from .models import ReviewRequest, ShareLink
from .ownership import is_editor, works_on
from .registry import PUBLISHABLE
from .times import local_time

#: Longest item number accepted in an address (larger ones cannot exist).
MAX_PK_DIGITS = 18
#: The header the panel's script sends: the answer is then the panel itself, not a redirect.
PANEL_HEADER = "X-Review-Panel"
PANEL_TEMPLATE = "admin/editorial/review_panel.html"


def may_comment(user, item):
    """Whether ``user`` takes part in the review of ``item``: an editor, its author, or a
    colleague it is shared with."""
    return is_editor(user, type(item)) or works_on(user, item)


def may_send_back(user, item):
    return is_editor(user, type(item))


def state_text(item, latest, *, author=False):
    """Where the review of ``item`` stands, in a sentence (saying what to do next to someone
    who works on it, its ``author``)."""
    State = ReviewRequest.State
    correction = item.status != review.REVIEW and review.has_kept_correction(item)
    what = "The kept correction is waiting" if correction else "Waiting"
    if item.status == review.REVIEW or correction and latest and latest.state == State.OPEN:
        if latest is None or latest.state != State.OPEN:
            return "Waiting for review."
        asked = review.person(latest.reviewer) if latest.reviewer else "every editor"
        return (
            f"{what} for review by {asked} since {local_time(latest.created_at)} "
            f"(asked by {review.person(latest.requested_by)})."
        )
    if latest is None:
        return "Not submitted for review yet."
    when, by = local_time(latest.closed_at), review.person(latest.closed_by)
    if latest.state == State.SENT_BACK:
        if author and (item.status == review.DRAFT or correction):
            return (
                f"Sent back by {by} on {when}. Make the changes, then submit it for review again."
            )
        return f"Sent back by {by} on {when}."
    if latest.state == State.APPROVED:
        return f"Approved by {by} on {when}."
    return "Not waiting for review."


def panel(user, item):
    """What the Review panel shows ``user`` about ``item``; None if it has no review."""
    if item is None or item.pk is None or item._meta.label_lower not in PUBLISHABLE:
        return None
    args = [item._meta.app_label, item._meta.model_name, item.pk]
    commenting = may_comment(user, item)
    latest = review.latest_request(item)
    return {
        "state": state_text(item, latest, author=works_on(user, item)),
        "comments": [
            {
                "kind": step.kind,
                "kind_label": step.get_kind_display(),
                "who": review.person(step.author),
                "when": local_time(step.created_at),
                "at": step.created_at,
                "text": step.text,
            }
            for step in review.conversation(item)
        ],
        "may_comment": commenting,
        "may_send_back": commenting and may_send_back(user, item) and review.is_waiting(item),
        "comment_url": reverse("admin:editorial_reviewrequest_comment", args=args),
        "send_back_url": reverse("admin:editorial_reviewrequest_send_back", args=args),
    }


def history(item):
    """The review steps and share links of ``item``, newest first, for its History page:
    ``[{"at", "when", "who", "what", "text"}]``."""
    events = [
        {
            "at": step.created_at,
            "who": review.person(step.author),
            "what": step.get_kind_display(),
            "text": step.text,
        }
        for step in review.conversation(item)
    ]
    links = ShareLink.objects.for_item(item).select_related("created_by", "revoked_by")
    for link in links:
        events.append(
            {
                "at": link.created_at,
                "who": review.person(link.created_by),
                "what": f"Share link made for {link.note}",
                "text": f"It works until {local_time(link.expires_at)}.",
            }
        )
        if link.revoked_at:
            events.append(
                {
                    "at": link.revoked_at,
                    "who": review.person(link.revoked_by),
                    "what": f"Share link for {link.note} withdrawn",
                    "text": "",
                }
            )
    events.sort(key=lambda event: event["at"], reverse=True)
    for event in events:
        event["when"] = local_time(event["at"])
    return events


class ReviewAdmin(admin.ModelAdmin):
    """No page of its own (nothing in the admin's menu): the Review panel posts here."""

    def get_model_perms(self, request):
        return {}

    def get_urls(self):
        item = "<str:app_label>/<str:model_name>/<str:pk>"
        return [
            path(
                f"{item}/comment/",
                self.admin_site.admin_view(require_POST(self.comment_view)),
                name="editorial_reviewrequest_comment",
            ),
            path(
                f"{item}/send-back/",
                self.admin_site.admin_view(require_POST(self.send_back_view)),
                name="editorial_reviewrequest_send_back",
            ),
        ]

    def comment_view(self, request, app_label, model_name, pk):
        item = _item(app_label, model_name, pk)
        if not may_comment(request.user, item):
            raise PermissionDenied("You do not work on this item.")
        text = request.POST.get("review_comment", "")
        return _answer(
            request,
            item,
            lambda: review.add_comment(item=item, by=request.user, text=text),
            "Your comment was added; the others in the conversation are told by email.",
        )

    def send_back_view(self, request, app_label, model_name, pk):
        item = _item(app_label, model_name, pk)
        if not (may_comment(request.user, item) and may_send_back(request.user, item)):
            raise PermissionDenied("Only editors may send an item back.")
        text = request.POST.get("review_comment", "")
        return _answer(
            request,
            item,
            lambda: review.send_back(item=item, by=request.user, comment=text),
            f"“{item}” was sent back to its author with your comments; they are told by email.",
        )


def _item(app_label, model_name, pk):
    """The item of the address, of a kind that is reviewed, or 404."""
    label = f"{app_label}.{model_name}".lower()
    if label not in PUBLISHABLE:
        raise Http404("This kind of item is not reviewed.")
    if not pk.isascii() or not pk.isdigit() or len(pk) > MAX_PK_DIGITS:
        raise Http404("There is no such item.")
    item = apps.get_model(label)._default_manager.filter(pk=int(pk)).first()
    if item is None:
        raise Http404("There is no such item.")
    return item


def _answer(request, item, step, done):
    """Take the step; answer the panel's script with the panel (400 with the reason if the
    step was refused), or a form with a message and the item's page."""
    try:
        step()
        error = None
    except ValidationError as refused:
        error = " ".join(refused.messages)
    if request.headers.get(PANEL_HEADER):
        context = {
            "original": item,
            "request": request,
            "review_error": error,
            "review_done": None if error else done,
        }
        html = render_to_string(PANEL_TEMPLATE, context, request=request)
        return HttpResponse(html, status=400 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return HttpResponseRedirect(_change_url(item))


def _change_url(item):
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return reverse("admin:index")


def register(site=None):
    """Put the review's addresses in the admin (once)."""
    site = site or admin.site
    if not site.is_registered(ReviewRequest):
        site.register(ReviewRequest, ReviewAdmin)
