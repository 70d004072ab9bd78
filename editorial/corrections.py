"""Corrections kept for later: a public item's changes saved without changing its public page.

On a public item an editor may press “Keep for later” instead of “Publish correction”: the
form is checked exactly as a save would check it (the save is made in a transaction that is
then undone, so nothing public changes: no row, revision, search entry or cache), and what was
typed is kept as a ``PendingCorrection``. Whoever opens the item next sees the form with the
kept changes (applied the same way, then undone) and a note saying so; “Publish correction”
puts them live, “Discard the kept correction” forgets them. Uploaded files are not kept with a
correction: they go with “Publish correction”.
"""

import copy

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.urls import path
from django.utils.datastructures import MultiValueDict

from core.content_cache import one_generation
from core.previews import at_address

from . import registry
from .models import PendingCorrection
from .publishing import ACTION, OPENED, Action, _token

KEEP, DISCARD, CORRECT = "keep", "discard", "correct"
#: What a posted form carries that is not the item's content.
NOT_CONTENT = {"csrfmiddlewaretoken", ACTION, OPENED, "_continue", "_save", "_addanother"}


class CorrectionsMixin:
    """Admin of a publishable model: corrections of public items kept for later."""

    def pending_correction(self, obj):
        if obj is None or obj.pk is None:
            return None
        kind = ContentType.objects.get_for_model(type(obj))
        return PendingCorrection.objects.filter(content_type=kind, object_id=obj.pk).first()

    def offered_actions(self, request, obj):
        actions = super().offered_actions(request, obj)
        values = [action.value for action in actions]
        if CORRECT not in values:
            return actions
        extra = [
            Action(
                KEEP,
                "Keep for later",
                "Saves your changes without changing the public page; publish them when ready.",
            )
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
        """The public page as it will be once the kept correction is published (applied,
        shown, then undone), for editors."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such item.")
        if not self.has_publish_permission(request) or not self.has_change_permission(request, obj):
            raise PermissionDenied("Only editors preview corrections.")
        pending = self.pending_correction(obj)
        pages = registry.PAGES.get(self.opts.label_lower)
        if pending is None or pages is None:
            raise Http404("Nothing is kept for later on this item.")
        with one_generation(discard=True), transaction.atomic():
            applied = super().changeform_view(
                _posted(request, pending.data, _token(obj)), object_id, "", None
            )
            if applied.status_code != 302:
                transaction.set_rollback(True)
                raise Http404("The kept correction no longer fits the item: open it to see why.")
            item = pages.item_for_review(obj.pk)
            response = pages.render_detail(
                at_address(request, item.get_absolute_url()), item, preview=True
            )
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        _drop_messages(request)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        action = request.POST.get(ACTION) if request.method == "POST" else None
        if action in (KEEP, DISCARD):
            obj = self.get_object(request, object_id)
            if obj is None or action not in [a.value for a in self.offered_actions(request, obj)]:
                raise PermissionDenied("This action is not available to you for this item.")
            if action == DISCARD:
                PendingCorrection.objects.filter(pk=self.pending_correction(obj).pk).delete()
                self.message_user(request, "The kept correction was discarded.")
                return HttpResponseRedirect(request.path)
            return self._keep(request, obj, object_id, form_url, extra_context)
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            pending = self.pending_correction(obj)
            if pending is not None and self.has_publish_permission(request):
                return self._show_pending(request, obj, pending, object_id, form_url, extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _keep(self, request, obj, object_id, form_url, extra_context):
        data = {key: request.POST.getlist(key) for key in request.POST if key not in NOT_CONTENT}
        trial = _posted(request, data, _token(obj))
        response = self._undone(trial, object_id, form_url, extra_context)
        if response.status_code != 302:
            return response  # the form with its problems, as a save would show it
        _drop_messages(request)
        PendingCorrection.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
            defaults={"data": data, "based_on": _token(obj), "saved_by": request.user},
        )
        self.message_user(
            request,
            f"“{obj}”: your changes are kept for later. The public page has not changed.",
            messages.SUCCESS,
        )
        if request.FILES:
            self.message_user(
                request,
                "Files are not kept with a correction: attach them when you publish it.",
                messages.WARNING,
            )
        return HttpResponseRedirect(request.path)

    def _show_pending(self, request, obj, pending, object_id, form_url, extra_context):
        """The form with the kept correction in it (applied, shown, then undone)."""
        live = _token(obj)
        request._live_token, request._pending = live, pending
        with one_generation(discard=True), transaction.atomic():
            applied = super().changeform_view(
                _posted(request, pending.data, live), object_id, form_url, extra_context
            )
            if applied.status_code == 302:
                response = super().changeform_view(request, object_id, form_url, extra_context)
            else:
                response = applied  # it no longer fits the item: shown with its problems
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        _drop_messages(request)
        return response

    def _undone(self, request, object_id, form_url, extra_context):
        """The admin's answer to ``request``, with everything it wrote undone."""
        with one_generation(discard=True), transaction.atomic():
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        return response

    def response_change(self, request, obj):
        action = getattr(request, "_publishing", None)
        if action is not None and action.value == CORRECT and not getattr(request, "_trial", 0):
            pending = self.pending_correction(obj)
            if pending is not None:
                pending.delete()  # it is live now
        return super().response_change(request, obj)


def _posted(request, data, token):
    """A copy of ``request`` posting ``data`` as a “Publish correction” of the live version."""
    trial = copy.copy(request)
    trial.method = "POST"
    posted = QueryDict(mutable=True)
    for key, values in data.items():
        posted.setlist(key, values)
    posted[ACTION] = CORRECT
    posted[OPENED] = token
    trial.POST = posted
    trial._files = MultiValueDict()
    trial._trial = True
    return trial


def _drop_messages(request):
    """Forget the messages of a save that was undone (“was changed successfully”)."""
    storage = messages.get_messages(request)
    for _ in storage:
        pass
    storage.used = True
