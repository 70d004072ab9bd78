"""A live preview beside the edit form: the item's public page as it will look with what the
editor has typed, refreshed as they type, before anything is saved (on the add page too).

The page's script (``static/editorial/live_preview.js``) posts the form's current data, without
files (the page shows the image already uploaded), to ``<item>/live-preview/`` or, before the
first save, ``add/live-preview/``. The item is built by the admin's own form and inline
formsets, written inside a transaction that is always rolled back, read back with everything its
page shows and rendered by the ``ReviewPage`` its app registered, given
``extra_context={"live_preview": True}``: its template then shows the "Preview — not saved"
banner (``editorial/includes/live_preview_banner.html``) instead of the usual preview's.
Nothing is kept: no row, no revision, no search entry, no new content generation, no cached
fragment (``core.content_cache.unkept``), and the answer itself is private and never indexed.

Only who may change the item (or add one) gets its preview: a contributor their own drafts and
those shared with them; anyone else is refused with 403. A form that does not validate is
answered with a short list of what to put right, shown in the preview's pane.
"""

import copy

from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, router, transaction
from django.forms.formsets import DELETION_FIELD_NAME, all_valid
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst

from core.content_cache import unkept
from core.previews import at_address

from .registry import PAGES

#: The status of an answer that lists what to put right in the form.
PROBLEMS = 400
NOT_VALID = "The preview cannot show your latest changes until these are put right:"
NO_PAGE = "This item has no page of its own to preview."


class LivePreviewMixin:
    """Admin of a publishable model: the live preview's address and the view behind it."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.live_preview_view)
        return [
            path("add/live-preview/", view, name="{}_{}_live_preview_new".format(*info)),
            path("<path:object_id>/live-preview/", view, name="{}_{}_live_preview".format(*info)),
            *super().get_urls(),
        ]

    def live_preview_view(self, request, object_id=None):
        """The item's page as the posted form would make it (see the module's description)."""
        if request.method != "POST":
            return _private(HttpResponseNotAllowed(["POST"]))
        page = PAGES.get(self.opts.label_lower)
        if page is None:
            return _answer(NO_PAGE, status=404)
        obj = self._live_preview_object(request, object_id)
        if object_id is not None and obj is None:
            return _answer("This item no longer exists: it may have been deleted.", status=404)
        posted = _without_files(request)
        change = obj is not None
        fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        form = self.get_form(request, obj, change=change, fields=fields)(
            posted.POST, posted.FILES, instance=obj
        )
        valid = form.is_valid()
        item = form.save(commit=False) if valid else form.instance
        formsets, inlines = self._create_formsets(posted, item, change=change)
        if not (all_valid(formsets) and valid):
            problems = form_problems(form, zip(formsets, inlines, strict=True))
            return _answer(NOT_VALID, problems, status=PROBLEMS)
        if not change and hasattr(item, "created_by_id") and item.created_by_id is None:
            item.created_by = request.user
        try:
            response = unsaved_page(request, page, item, form, formsets)
        except DatabaseError:
            return _answer("The preview could not be made just now: it tries again as you type.")
        if response is None:
            return _answer(NO_PAGE, status=404)
        return _private(response)

    def _live_preview_object(self, request, object_id):
        """The item being edited (None on the add page); 403 for who may not change it (or
        add one), someone else's draft included."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied("You may not add items of this kind.")
            return None
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not self.has_change_permission(request, obj):
            raise PermissionDenied("You may not change this item.")
        return obj


def unsaved_page(request, page, item, form, formsets):
    """``page`` (a ``ReviewPage``) rendered for ``item`` as its valid ``form`` and ``formsets``
    make it, written and read back in a transaction that is rolled back; None if the item
    has no page of its own."""
    using = router.db_for_write(type(item))
    with transaction.atomic(using=using), unkept():
        item.save()
        form.save_m2m()
        for formset in formsets:
            formset.save()
        shown = page.item_for_review(item.pk)
        response = None
        if shown is not None and getattr(shown, "has_page", True):
            address = at_address(request, shown.get_absolute_url())
            address.method = "GET"
            response = page.render_detail(
                address, shown, preview=True, extra_context={"live_preview": True}
            )
        transaction.set_rollback(True, using=using)
    if response is None:
        return None
    # A fresh answer holding only the page: nothing the render set (cookies) goes with it.
    return HttpResponse(response.content, content_type=response["Content-Type"])


def form_problems(form, formsets_and_inlines):
    """What to put right, one short line each, e.g. “Title: This field is required.” or
    “Author 2 – Person: …”."""
    problems = _errors(form)
    for formset, inline in formsets_and_inlines:
        noun = capfirst(inline.verbose_name or formset.model._meta.verbose_name)
        problems += [str(error) for error in formset.non_form_errors()]
        for number, each in enumerate(formset.forms, 1):
            if not getattr(each, "cleaned_data", {}).get(DELETION_FIELD_NAME):
                problems += [f"{noun} {number} – {line}" for line in _errors(each)]
    return problems


def _errors(form):
    lines = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = capfirst(field.label) if field is not None and field.label else ""
        lines += [f"{label}: {error}" if label else str(error) for error in errors]
    return lines


def _without_files(request):
    """``request`` with its uploads left out: a preview never stores a file."""
    request.POST  # noqa: B018 - reads the body (and its files) before the copy
    posted = copy.copy(request)
    posted._files = MultiValueDict()
    return posted


def _answer(message, problems=(), *, status=409):
    """A message for the preview's pane instead of the page."""
    answer = JsonResponse({"message": message, "problems": list(problems)}, status=status)
    return _private(answer)


def _private(response):
    """Never kept by a cache, never indexed."""
    add_never_cache_headers(response)  # private, no-store...
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
