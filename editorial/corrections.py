"""Corrections kept for later: a public item's changes saved without changing its public page.

On a public item an editor may, instead of “Publish correction”, press

- “Keep for later”: what was typed is kept as a ``PendingCorrection``;
- “Keep and ask for review”: the same, and another editor (or every editor) is asked to review
  it (``editorial.review``); they send it back with comments, or approve it by publishing it;
- “Schedule correction…”: the same, and it goes live by itself at the time given, when
  ``manage.py publish_due_corrections`` next runs (every minute in production).

The form is checked exactly as a save would check it: the save is made in a transaction that
is then undone (``undone``), so nothing public changes: no row, revision, search entry or
cache. Whoever opens the item next sees the form with the kept changes (applied the same way,
then undone) and a note saying so; “Publish correction” puts them live, “Discard the kept
correction” forgets them. The editors' preview and a reviewer's share link show the page with
the correction applied, then undone. Uploaded files are not kept with a correction: they go
with “Publish correction”.
"""

import copy
import logging
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.sites import all_sites
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponseRedirect, QueryDict
from django.http.request import validate_host
from django.urls import path, reverse
from django.utils.datastructures import MultiValueDict

from core.content_cache import one_generation, unkept
from core.previews import at_address

from . import registry, review
from .models import PendingCorrection
from .publishing import ACTION, OPENED, REVIEW_NOTE, Action, _token, local, scheduled_time

logger = logging.getLogger(__name__)

KEEP, ASK, LATER, DISCARD, CORRECT = "keep", "keep_review", "keep_schedule", "discard", "correct"
#: The buttons that keep a correction.
KEPT = (KEEP, ASK, LATER)
#: What a posted form carries that is not the item's content.
NOT_CONTENT = {"csrfmiddlewaretoken", ACTION, OPENED, "_continue", "_save", "_addanother"}


class CorrectionsMixin:
    """Admin of a publishable model: corrections of public items kept for later."""

    def pending_correction(self, obj):
        if obj is None or obj.pk is None:
            return None
        return PendingCorrection.objects.for_item(obj).select_related("saved_by").first()

    def offered_actions(self, request, obj):
        actions = super().offered_actions(request, obj)
        values = [action.value for action in actions]
        if CORRECT not in values or "schedule" in values:
            return actions  # not out yet: a change does not touch a public page
        extra = [
            Action(
                KEEP,
                "Keep for later",
                "Saves your changes without changing the public page; publish them when ready.",
            ),
            Action(
                ASK,
                "Keep and ask for review",
                "Saves your changes without changing the public page and asks another editor "
                "to review them; publishing them approves them.",
                asks_review=True,
            ),
            Action(
                LATER,
                "Schedule correction",
                "Saves your changes; the public page shows them by itself from the date and "
                "time you give (Singapore time).",
                needs_time=True,
            ),
        ]
        if self.pending_correction(obj) is not None:
            extra.append(
                Action(
                    DISCARD,
                    "Discard the kept correction",
                    "Forgets the changes kept for later; the form shows the public version.",
                )
            )
        at = values.index(CORRECT) + 1
        return [*actions[:at], *extra, *actions[at:]]

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/kept-correction/",
                self.admin_site.admin_view(self.correction_preview_view),
                name=f"{opts.app_label}_{opts.model_name}_kept_correction",
            ),
            *super().get_urls(),
        ]

    def correction_preview_view(self, request, object_id):
        """The public page as it will be once the kept correction is published, for editors."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such item.")
        if not self.has_publish_permission(request) or not self.has_change_permission(request, obj):
            raise PermissionDenied("Only editors preview corrections.")
        pending = self.pending_correction(obj)
        if pending is None or registry.PAGES.get(self.opts.label_lower) is None:
            raise Http404("Nothing is kept for later on this item.")
        response = page_with_correction(
            request, obj, pending, admin=self, extra_context={"kept_correction": True}
        )
        if response is None:
            raise Http404("The kept correction no longer fits the item: open it to see why.")
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        action = request.POST.get(ACTION) if request.method == "POST" else None
        if action in (*KEPT, DISCARD):
            obj = self.get_object(request, object_id)
            offered = {a.value: a for a in self.offered_actions(request, obj)} if obj else {}
            if action not in offered:
                raise PermissionDenied("This action is not available to you for this item.")
            if action == DISCARD:
                return self._discard(request, obj)
            return self._keep(request, obj, action, object_id, form_url, extra_context)
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            pending = self.pending_correction(obj)
            if pending is not None and self.has_publish_permission(request):
                return self._show_pending(request, obj, pending, object_id, form_url, extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _keep(self, request, obj, action, object_id, form_url, extra_context):
        publish_at = reviewer = problem = None
        if action == LATER:
            publish_at, problem = scheduled_time(request.POST)
        elif action == ASK:
            reviewer, problem = self._chosen_reviewer(request)
        data = {key: request.POST.getlist(key) for key in request.POST if key not in NOT_CONTENT}
        # Checked against the version the form was opened on: a change made meanwhile is
        # shown, not silently kept over.
        trial = _posted(request, data, request.POST.get(OPENED) or _token(obj))
        trial._more_problems = [problem] if problem else []
        with undone():
            response = super().changeform_view(trial, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
        if response.status_code != 302:
            return response  # the form with its problems, as a save would show it
        _drop_messages(request)
        with transaction.atomic():
            PendingCorrection.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(type(obj)),
                object_id=obj.pk,
                defaults={
                    "data": data,
                    "based_on": _token(obj),
                    "saved_by": request.user,
                    "publish_at": publish_at,
                },
            )
            if action == ASK:
                review.submit_for_review(
                    item=obj,
                    by=request.user,
                    reviewer=reviewer,
                    note=request.POST.get(REVIEW_NOTE, ""),
                )
        done = {
            KEEP: "your changes are kept for later.",
            ASK: "your changes are kept, and a review of them was asked for.",
            LATER: f"your changes go on the public page on {local(publish_at)}.",
        }[action]
        self.message_user(
            request, f"“{obj}”: {done} The public page has not changed.", messages.SUCCESS
        )
        if request.FILES:
            self.message_user(
                request,
                "Files are not kept with a correction: attach them when you publish it.",
                messages.WARNING,
            )
        return HttpResponseRedirect(request.path)

    def _discard(self, request, obj):
        with transaction.atomic():
            PendingCorrection.objects.for_item(obj).delete()
            review.close_review(item=obj, by=request.user, state=review.State.DISCARDED)
        self.message_user(request, "The kept correction was discarded.")
        return HttpResponseRedirect(request.path)

    def _show_pending(self, request, obj, pending, object_id, form_url, extra_context):
        """The form with the kept correction in it (applied, shown, then undone)."""
        live = _token(obj)
        request._live_token, request._pending = live, pending
        with undone():
            applied = super().changeform_view(
                _posted(request, pending.data, live), object_id, form_url, extra_context
            )
            if applied.status_code == 302:
                response = super().changeform_view(request, object_id, form_url, extra_context)
            else:
                response = applied  # it no longer fits the item: shown with its problems
            if hasattr(response, "render"):
                response.render()
        _drop_messages(request)
        return response

    def response_change(self, request, obj):
        action = getattr(request, "_publishing", None)
        if action is not None and action.value == CORRECT and not getattr(request, "_trial", 0):
            kept = PendingCorrection.objects.for_item(obj)
            if kept.exists():
                kept.delete()  # it is live now
                if review.open_request(obj) is not None:
                    review.record_approval(item=obj, by=request.user)
        return super().response_change(request, obj)


@contextmanager
def undone():
    """Changes made inside are undone at the end: no row, no new content generation, nothing
    cached; meanwhile this process reads them (fragments are built afresh)."""
    with one_generation(discard=True), unkept(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


def page_with_correction(request, obj, pending, *, admin=None, extra_context=None):
    """The public page of ``obj`` with ``pending`` applied, rendered, then undone; None when
    the correction no longer fits the item.

    Applied by ``admin`` as the editor making ``request``; without ``admin`` (a reviewer's
    share link), by the item's admin as the editor who kept the correction."""
    pages = registry.PAGES.get(obj._meta.label_lower)
    editor = request
    if admin is None:
        admin = admin_for(type(obj))
        if pending.saved_by is None:
            return None
        editor = copy.copy(request)
        editor.user = pending.saved_by
        editor.csrf_processing_done = True  # nothing is posted by the visitor
        editor._messages = CookieStorage(editor)
    if admin is None or pages is None:
        return None
    with undone():
        try:
            applied = admin.changeform_view(
                _posted(editor, pending.data, _token(obj)), str(obj.pk), "", None
            )
        except PermissionDenied:
            return None
        if applied.status_code != 302:
            return None
        item = pages.item_for_review(obj.pk)
        response = pages.render_detail(
            at_address(request, item.get_absolute_url()),
            item,
            preview=True,
            extra_context=extra_context,
        )
        if hasattr(response, "render"):
            response.render()
    _drop_messages(editor)
    return response


def admin_for(model):
    """The admin (a ``CorrectionsMixin``) of ``model`` in whichever admin site has it."""
    for site in all_sites:
        model_admin = site._registry.get(model)
        if isinstance(model_admin, CorrectionsMixin):
            return model_admin
    return None


def publish_due_corrections(*, now=None):
    """Put live the kept corrections whose time has come, each as its editor pressing
    “Publish correction”. Returns ``[(correction, problem or None)]``; one that cannot be
    published (it no longer fits the item, its editor lost the right) loses its time, stays
    kept, and is logged."""
    done = []
    for pending in PendingCorrection.objects.due(now).select_related("saved_by", "content_type"):
        problem = _publish(pending)
        if problem:
            logger.warning("Scheduled correction %s not published: %s", pending.pk, problem)
            PendingCorrection.objects.filter(pk=pending.pk).update(publish_at=None)
        done.append((pending, problem))
    return done


def _publish(pending):
    model = pending.content_type.model_class()
    admin = admin_for(model)
    item = model._default_manager.filter(pk=pending.object_id).first()
    if item is None:
        pending.delete()
        return "the item no longer exists"
    user = pending.saved_by
    if admin is None or user is None or not user.is_active:
        return "its editor can no longer publish it"
    opts = model._meta
    request = _background_request(
        user, reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    )
    posted = _posted(request, pending.data, _token(item), trial=False)
    try:
        with transaction.atomic():
            response = admin.changeform_view(posted, str(item.pk), "", None)
            if response.status_code != 302:
                transaction.set_rollback(True)
                return "it no longer fits the item: open the item to see why"
    except PermissionDenied:
        return "its editor can no longer publish it"
    return None


def _background_request(user, address):
    """A request made by ``user`` at ``address`` of the site (``SITE_URL``), for work done
    without a visitor (a scheduled correction)."""
    request = HttpRequest()
    site = urlsplit(settings.SITE_URL or "http://localhost")
    host = site.hostname or "localhost"
    if not validate_host(host, settings.ALLOWED_HOSTS):
        named = [name for name in settings.ALLOWED_HOSTS if name[:1] not in (".", "*")]
        host = named[0] if named else "localhost"
    request.META = {
        "SERVER_NAME": host,
        "SERVER_PORT": str(site.port or (443 if site.scheme == "https" else 80)),
        "REMOTE_ADDR": "127.0.0.1",
        "SCRIPT_NAME": "",
    }
    request.path = request.path_info = address
    request.user = user
    request.csrf_processing_done = True  # no form was posted by a browser
    request._messages = CookieStorage(request)
    return request


def _posted(request, data, token, *, trial=True):
    """A copy of ``request`` posting ``data`` as a “Publish correction” of the version
    ``token`` names (a trial, undone afterwards, unless ``trial`` is False)."""
    posted_request = copy.copy(request)
    posted_request.method = "POST"
    posted = QueryDict(mutable=True)
    for key, values in data.items():
        posted.setlist(key, values)
    posted[ACTION] = CORRECT
    posted[OPENED] = token
    posted_request.POST = posted
    posted_request._files = MultiValueDict()
    posted_request._trial = trial
    return posted_request


def _drop_messages(request):
    """Forget the messages of a save that was undone (“was changed successfully”)."""
    storage = messages.get_messages(request)
    for _ in storage:
        pass
    storage.used = True
