"""Publishing buttons instead of a status dropdown, and saves that never overwrite each other.

The page of a publishable item ends with the buttons its state and the user's role allow
(“Save draft”, “Submit for review”, “Publish now”, “Schedule…”, “Publish correction”,
“Withdraw”, and what the app adds, e.g. an event's “Mark as cancelled”), each with a line
saying what it will do. The status and publication time are no longer form fields: the button
pressed sets them, and a button that is not offered is refused with 403 whatever the request
says. What a status means comes from the app's ``Workflow`` (``editorial.registry``).

A save made on a version older than the item's current one (someone else saved, published or
withdrew it meanwhile) is refused with what changed and by whom; everything typed stays in the
form, and saving again keeps it. The page says who else has the item open.
"""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from . import registry, review
from .restore import state_before_restore

ACTION = "_publish_action"
OPENED = "_opened"
SCHEDULE_DATE, SCHEDULE_TIME = "_publish_date", "_publish_time"
REVIEWER, REVIEW_NOTE = "_reviewer", "_review_note"
#: How long an open page counts as open for the others (the page says so while it is).
OPEN_SECONDS = 15 * 60
TIME_FORMAT = "%-d %b %Y, %H:%M"


@dataclass(frozen=True)
class Action:
    value: str
    label: str
    says: str
    #: The status it gives the item (None: the status stays).
    status: str | None = None
    needs_time: bool = False
    #: Whether it asks for a review (the page offers a choice of reviewer and a note).
    asks_review: bool = False


def workflow_of(model):
    return registry.WORKFLOWS.get(model._meta.label_lower, registry.Workflow())


def local(moment):
    return f"{timezone.localtime(moment).strftime(TIME_FORMAT)} SGT" if moment else ""


class PublishingMixin:
    """Admin of a publishable model: its publishing buttons, conflicts and who has it open.

    Mixed into ``EditorialAdmin``; relies on its ``has_publish_permission``.
    """

    state_fields = ("status", "published_at")

    # What is offered -----------------------------------------------------------------

    def offered_actions(self, request, obj):
        """The buttons for ``obj`` (None while it is being written) and this user."""
        if obj is not None and obj.pk is not None and state_before_restore(request, obj)[0]:
            # Restoring a version or recovering an item: it is saved in its state, then
            # published (or not) from its page like any other.
            return [Action("save", "Save", "Keeps this version as the item's current one.")]
        flow = workflow_of(self.model)
        status = getattr(obj, "status", None) or flow.draft
        out_at = getattr(obj, "published_at", None)
        if status == flow.scheduled and out_at and out_at <= timezone.now():
            status = flow.published  # its time has come: it is out
        # Public: given out, or in one of the app's own states (an event marked cancelled).
        public = status in registry.PUBLIC_STATES[self.opts.label_lower][1] or status in {
            extra.status for extra in flow.extra
        }
        editor = self.has_publish_permission(request)
        actions = []
        if not public:
            label = "Save draft" if status in (flow.draft, flow.review) else "Save"
            actions.append(Action("save", label, "Keeps your changes. It stays off the site."))
            if status != flow.review:
                actions.append(
                    Action(
                        "submit",
                        "Submit for review",
                        "Saves it and asks the editors to review it before it goes out.",
                        flow.review,
                        asks_review=True,
                    )
                )
        if not editor:
            return actions
        if public:
            actions.insert(
                0,
                Action(
                    "correct",
                    "Publish correction" if status != flow.scheduled else "Save changes",
                    "Saves your changes; the public page shows them at once."
                    if status != flow.scheduled
                    else "Saves your changes; it still goes out at its time.",
                ),
            )
        if not public or status == flow.scheduled:
            says = "Puts it on the public site now."
            if flow.announce is not None and obj is not None:
                says = f"{says} {flow.announce(obj)}".strip()
            actions.append(Action("publish", "Publish now", says, flow.published))
            if flow.scheduled:
                actions.append(
                    Action(
                        "schedule",
                        "Schedule",
                        "It goes on the site by itself at the date and time you give "
                        "(Singapore time).",
                        flow.scheduled,
                        needs_time=True,
                    )
                )
        if public:
            actions.append(
                Action("withdraw", "Withdraw", "Takes it off the public site.", flow.withdrawn)
            )
        for extra in flow.extra:
            if status != extra.status and (not extra.offered_from or status in extra.offered_from):
                actions.append(Action(extra.action, extra.label, extra.says, extra.status))
        if status not in (flow.draft, flow.review):
            actions.append(
                Action(
                    "draft",
                    "Back to draft",
                    "Makes it a draft again: off the site, and open to its writers.",
                    flow.draft,
                )
            )
        return actions

    # The form ------------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        """The state is set by the buttons, not typed: its fields leave the form, and so do
        the fields only editors may set, for everyone else."""
        hidden = set(self.state_fields)
        if not self.has_publish_permission(request):
            hidden.update(workflow_of(self.model).editor_fields)
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = [f for f in options.get("fields", ()) if f not in hidden]
            if fields:
                fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)

        class PublishingForm(form_class):
            def _post_clean(self):
                # Before the model's own checks and the pre-publish check: they judge the
                # item in the state the button gives it.
                apply_action(request, self.instance)
                super()._post_clean()
                for problem in getattr(request, "_publishing_problems", ()):
                    self.add_error(None, problem)

        PublishingForm.__name__ = form_class.__name__
        return PublishingForm

    # The request ---------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = None
        if object_id is not None:
            obj = self.get_object(request, object_id)
        if request.method == "POST" and (object_id is None or obj is not None):
            self._read_action(request, obj)
        elif request.method == "GET" and obj is not None:
            request._others_open = self._note_open(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _read_action(self, request, obj):
        offered = {action.value: action for action in self.offered_actions(request, obj)}
        value = request.POST.get(ACTION) or self._action_for_status(request, obj)
        if list(offered) == ["save"] and ACTION not in request.POST:
            value = "save"  # a restore: a status sent with the form is not a button
        if value == "save" and "save" not in offered and "correct" in offered:
            value = "correct"  # the form's default button on a public item
        conflict = _conflict(request, obj)
        if value not in offered and conflict and self.has_change_permission(request, obj):
            # The button was offered on the version the form was opened on: say what
            # happened meanwhile instead (nothing is saved).
            offered[value] = Action(value, value, "")
        if value not in offered:
            raise PermissionDenied("This action is not available to you for this item.")
        request._publishing = offered[value]
        request._status_before = getattr(obj, "status", None)
        # A button that keeps a correction adds its own (``editorial.corrections``).
        problems = [*getattr(request, "_more_problems", ())]
        if conflict:
            problems.insert(0, conflict)
        if value == "submit":
            request._reviewer, problem = self._chosen_reviewer(request)
            if problem:
                problems.append(problem)
        if offered[value].needs_time:
            request._publish_at, problem = scheduled_time(request.POST)
            if problem:
                problems.append(problem)
        request._publishing_problems = problems
        # After any button, the editor stays on the item's page.
        request.POST = request.POST.copy()
        request.POST["_continue"] = "1"

    def _chosen_reviewer(self, request):
        """(the editor chosen to review, or None for every editor; a problem, or None)."""
        chosen = request.POST.get(REVIEWER, "").strip()
        if not chosen:
            return None, None
        reviewer = review.editors_of(self.model).filter(pk=chosen if chosen.isdigit() else 0)
        reviewer = reviewer.first()
        if reviewer is None:
            return None, "Choose a reviewer from the list, or leave it to every editor."
        return reviewer, None

    def _action_for_status(self, request, obj):
        """The button a form posted with a ``status`` (as scripts written for the dropdown
        do) stands for; "save" without one. It is then allowed or refused like the button."""
        wanted = request.POST.get("status")
        flow = workflow_of(self.model)
        current = getattr(obj, "status", None) or flow.draft
        if not wanted or wanted == current or wanted == flow.draft and current == flow.review:
            return "save"
        if wanted == flow.scheduled:
            request.POST = request.POST.copy()
            request.POST.setdefault(SCHEDULE_DATE, request.POST.get("published_at_0", ""))
            request.POST.setdefault(SCHEDULE_TIME, request.POST.get("published_at_1", ""))
            return "schedule"
        by_status = {
            flow.draft: "draft",
            flow.published: "publish",
            flow.withdrawn: "withdraw",
            flow.review: "submit",
        }
        for extra in flow.extra:
            if not extra.offered_from or current in extra.offered_from:
                by_status[extra.status] = extra.action
        return by_status.get(wanted, wanted)

    def _note_open(self, request, obj):
        """Note that this user has ``obj`` open; return who else has (name, since)."""
        key = f"editing:{self.opts.label_lower}:{obj.pk}"
        now = timezone.now()
        everyone = {
            user: (name, since)
            for user, (name, since) in (cache.get(key) or {}).items()
            if (now - since).total_seconds() < OPEN_SECONDS
        }
        mine = everyone.get(request.user.pk)
        name = request.user.get_full_name() or request.user.get_username()
        everyone[request.user.pk] = (name, mine[1] if mine else now)
        cache.set(key, everyone, OPEN_SECONDS)
        return [
            (name, local(since)) for user, (name, since) in everyone.items()
            if user != request.user.pk
        ]  # fmt: skip

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        actions = self.offered_actions(request, obj)
        context["publishing"] = {
            "actions": actions,
            "state": _state_line(obj),
            # Shown over a correction kept for later, the form stands for the live version.
            "opened": getattr(request, "_live_token", None) or _token(obj),
            "pending": getattr(request, "_pending", None),
            "others": getattr(request, "_others_open", []),
            "may_delete": obj is not None and self.has_delete_permission(request, obj),
            "names": {"action": ACTION, "opened": OPENED, "date": SCHEDULE_DATE,
                      "time": SCHEDULE_TIME, "reviewer": REVIEWER, "note": REVIEW_NOTE},
            "reviewers": review.editors_of(self.model)
            if any(action.asks_review for action in actions) else (),
        }  # fmt: skip
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._say_done(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._say_done(request, obj)
        return super().response_change(request, obj)

    def _say_done(self, request, obj):
        action = getattr(request, "_publishing", None)
        if action is None:
            return
        flow = workflow_of(self.model)
        if action.value == "submit":
            review.submit_for_review(
                item=obj,
                by=request.user,
                reviewer=getattr(request, "_reviewer", None),
                note=request.POST.get(REVIEW_NOTE, ""),
            )
        elif action.value in ("publish", "schedule") and request._status_before == flow.review:
            review.record_approval(item=obj, by=request.user)
        done = {
            "publish": "It is on the public site now.",
            "schedule": f"It goes on the site on {local(getattr(obj, 'published_at', None))}.",
            "withdraw": "It is off the public site.",
            "submit": "The editors have been asked to review it.",
            "correct": "The public page shows your changes.",
        }.get(action.value)
        if done:
            self.message_user(request, f"“{obj}”: {done}", messages.SUCCESS)


def apply_action(request, item):
    """Give ``item`` the state of the button pressed (status and, to schedule, the time)."""
    action = getattr(request, "_publishing", None)
    if action is None or action.status is None:
        return
    now = timezone.now()
    if action.needs_time:
        if getattr(request, "_publish_at", None) is None:
            return  # refused with a message: no time to schedule at
        item.published_at = request._publish_at
    elif action.value == "publish" and (getattr(item, "published_at", None) or now) > now:
        item.published_at = None  # published now, not at the time once scheduled
    item.status = action.status


def scheduled_time(data):
    """(aware moment, problem) from the schedule's date and time, typed in Singapore time."""
    try:
        day = datetime.date.fromisoformat(data.get(SCHEDULE_DATE, "").strip())
        clock = datetime.time.fromisoformat(data.get(SCHEDULE_TIME, "").strip() or "09:00")
    except ValueError:
        return None, "To schedule it, give the date (and time) at which it should go out."
    moment = timezone.make_aware(datetime.datetime.combine(day, clock))
    if moment <= timezone.now():
        return None, "That time has passed: choose a later one, or publish it now."
    return moment, None


def _token(obj):
    """What identifies the version of ``obj`` a form was opened on."""
    stamp = getattr(obj, "updated_at", None) if obj is not None else None
    return stamp.isoformat() if stamp else ""


def _conflict(request, obj):
    """A refusal if ``obj`` changed since the form was opened, else None."""
    opened = request.POST.get(OPENED)
    if obj is None or not opened or opened == _token(obj):
        return None
    when = local(obj.updated_at)
    history = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])
    return (
        f"Someone else changed this item after you opened it (last saved {when}; see "
        f"its history at {history}). Nothing you typed is lost: it is still in the form "
        "below, not saved. Check what changed, then press your button again to save your "
        "version over theirs."
    )


def _state_line(obj):
    if obj is None or obj.pk is None:
        return "New, not saved yet."
    label = obj.get_status_display() if hasattr(obj, "get_status_display") else ""
    when = getattr(obj, "published_at", None)
    if when and obj.status in ("scheduled",):
        return f"{label}: goes out on {local(when)}."
    if when and obj.status == "published":
        return f"{label} on {local(when)}."
    return f"{label}."
