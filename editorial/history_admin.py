"""The admin of items whose every change is kept: history, compare, restore and recover.

From an item's "History" page an editor can compare two versions and restore one; from a list's
"Recover deleted ..." page they can bring back a deleted item with everything that was saved
with it, and with what pointed to it from elsewhere (its home-page feature, other items'
"related" links). A restore brings back the item of the page only (never other items stored in
the same revision), obeys the roles, and never changes the fields its model keeps on restore;
what a recovered item comes back as is its admin's decision (``prepare_recovery``).
"""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.db import IntegrityError, connections, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from mptt.admin import DraggableMPTTAdmin
from mptt.models import MPTTModel
from reversion import add_to_revision, is_active, set_comment
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from . import admin_review
from .a11y import NamedFieldsMixin
from .actions import OfferedActionsOnly
from .registry import PUBLISHABLE
from .restore import (
    keep_fields_on_restore,
    remember_state_before_restore,
    restore_item,
    rows_pointing_to,
)
from .reversion_compat import RevisionFormViewHook, mute_signals, stored_object, version_model
from .versioning import separate_revision


class _ShownOnly(Exception):  # noqa: N818 (not an error: the page is shown, nothing kept)
    """Raised to undo a restore that was only looked at, carrying the page to show."""

    def __init__(self, response):
        super().__init__()
        self.response = response


class HistoryAdmin(NamedFieldsMixin, OfferedActionsOnly, RevisionFormViewHook, VersionAdmin):
    """An admin page whose every change is kept: history, compare, restore and recover.

    On top of django-reversion's admin: a deletion is recorded as a last version (so the
    activity list shows who deleted what, and a recovery brings back the item as it was when
    deleted, even if it was never edited in the admin); the history page offers "compare";
    versions of another kind of item are refused (404); a restore that cannot be done ends with
    a message instead of an error page.
    """

    history_latest_first = True

    def _record_before_deletion(self, request, objects):
        """Store each item as it is now, one revision each, so each can be recovered alone.

        The items deleted with a tree node (the pages under a menu item) are stored with it and
        come back with it, as do the rows of other items that pointed to it (its home-page
        feature, the "related" links to it). A deletion from the list (several items at once)
        still stores each item in a revision of its own."""
        for obj in objects:
            with separate_revision(request.user, "Deleted."):
                add_to_revision(obj)
                for row in rows_pointing_to(obj):
                    add_to_revision(row)
                if isinstance(obj, MPTTModel):
                    for descendant in obj.get_descendants():
                        add_to_revision(descendant)

    def delete_model(self, request, obj):
        self._record_before_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._record_before_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _own_version_or_404(self, version_id, object_id=None):
        versions = Version.objects.get_for_model(self.model)
        if object_id is not None:
            versions = versions.filter(object_id=object_id)
        try:
            return versions.get(pk=int(version_id))
        except (ValueError, TypeError, Version.DoesNotExist):
            raise Http404("No such version of this item.") from None

    def history_view(self, request, object_id, extra_context=None):
        """The item's history, for those who may see the item itself (403 otherwise)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied("You may not see this item.")
        if obj is not None and obj._meta.label_lower in PUBLISHABLE:
            # Its review (submissions, comments, decisions) and its share links.
            extra_context = {"item_events": admin_review.history(obj), **(extra_context or {})}
        return super().history_view(request, object_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self._own_version_or_404(version_id)
        return self._guarded(request, super().recover_view, request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._own_version_or_404(version_id, unquote(object_id))
        return self._guarded(
            request, super().revision_view, request, object_id, version_id, extra_context
        )

    def revision_form_view(self, request, version, template_name, extra_context=None):
        """The restore (or recover) page of one version: the old version is put back, shown in
        the edit form, and kept only if the form is saved; otherwise everything is undone.

        Unlike django-reversion's own page, only the item of the address comes back (with its
        authors, tags, speakers...), never the other items stored in the same revision. The
        user must be allowed to change the item both as it is now and as it would be once
        restored: a contributor cannot bring back a published, scheduled or withdrawn state,
        nor touch an item that has left their hands (403).
        """
        db = version.db
        if not connections[db].features.uses_savepoints:
            raise ImproperlyConfigured("Restoring versions needs a database with savepoints.")
        model = version_model(version)
        current = model._base_manager.using(db).filter(pk=version.object_id).first()
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied("You may not change this item.")
        keep_fields_on_restore(version, current)
        if not self.has_change_permission(request, stored_object(version)):
            raise PermissionDenied("You may not restore this version of the item.")
        if current is None:
            recovered_as = self.prepare_recovery(stored_object(version))
        # The checks made when the form is saved compare with the item as it was before.
        remember_state_before_restore(request, model, version.object_id, current)

        if request.method == "GET":
            # Looking at a version changes nothing: no signal handler runs for it.
            signals = mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
        else:
            signals = nullcontext()
        try:
            with transaction.atomic(using=db), signals:
                restore_item(version, current, with_links=self.may_restore_links(request))
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, extra_context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        date = localize(template_localtime(version.revision.date_created))
                        if current is None:
                            set_comment(f"Recovered{recovered_as} from the version of {date}")
                        else:
                            set_comment(f"Reverted to previous version, saved on {date}")
                    elif response.status_code == 200:
                        # The page (or the form with its errors) is shown; nothing is kept.
                        response.template_name = template_name
                        response.render()
                        raise _ShownOnly(response)
                    else:
                        raise RevertError(f"Could not load “{version.object_repr}”.")
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            opts = self.model._meta
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except _ShownOnly as shown:
            return shown.response
        return response

    def may_restore_links(self, request):
        """Whether a recovery may also put back what other items had pointing to the item
        (home-page features, "related" links): changes to those other items."""
        return True

    def prepare_recovery(self, obj):
        """Put right a deleted item about to come back; returns how it comes back, for its
        history (e.g. " as a draft"). Nothing to do by default."""
        return ""

    def _guarded(self, request, view, *args):
        try:
            return view(*args)
        except (IntegrityError, ObjectDoesNotExist) as error:
            messages.error(request, f"This version could not be restored: {error}")
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))


class TreeHistoryAdmin(HistoryAdmin, DraggableMPTTAdmin):
    """A tree edited by drag and drop (the menu, the categories), with its history kept.

    Moving an item by drag and drop is recorded as a version too."""

    def delete_selected_tree(self, modeladmin, request, queryset):
        if request.POST.get("post"):
            self._record_before_deletion(
                request, [obj for obj in queryset if self.has_delete_permission(request, obj)]
            )
        return super().delete_selected_tree(modeladmin, request, queryset)

    def _move_node(self, request):
        if is_active():
            set_comment("Moved in the tree by drag and drop.")
        return super()._move_node(request)
