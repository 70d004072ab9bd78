"""Revisions of the content: which models keep a history, and how an old version comes back.

Every save through the admin stores a copy of the item (and of the rows edited with it: authors,
speakers, tags, group memberships) with who made it and when. From an item's "History" page an
editor can compare two versions and restore one; from a list's "Recover deleted ..." page they
can bring back a deleted item with everything that was saved with it.

All the models are registered here, in one place, by ``register_models()`` (called when the
site starts). Versions are stored in the "checked-json" format defined below: ordinary JSON, read
back with care so that restoring can never break the menu or category trees, nor point at
something deleted since.
"""

from django.apps import apps
from django.contrib import messages
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import DeserializedObject
from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import Serializer  # noqa: F401 (this module is a format)
from django.db import IntegrityError, models
from django.shortcuts import redirect
from django.urls import reverse
from mptt.admin import DraggableMPTTAdmin
from mptt.exceptions import InvalidMove
from mptt.models import MPTTModel
from reversion import is_registered, register, unregister
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from taggit.models import TaggedItemBase

#: The name versions are stored under; the format is this module itself.
VERSION_FORMAT = "checked-json"

#: Tree position columns of the menu and category trees: never stored in a version (they
#: describe the whole tree, not the item), recomputed by the tree code when an item comes back.
TREE_FIELDS = ("lft", "rght", "tree_id", "level")

#: ``"app_label.Model": {"follow": [...], "exclude": [...]}``; "follow" names the rows saved
#: and restored together with the item. A many-to-many field without a model of its own (the
#: categories of a publication, the members of a centre) is stored in the item's version.
VERSIONED = {
    "navigation.MenuItem": {"exclude": TREE_FIELDS},
    "staff.StaffGroup": {"follow": ["memberships"]},
    "staff.Person": {"follow": ["memberships", "personexpertise_set"]},
    "staff.Membership": {},
    "staff.PersonExpertise": {},
    "staff.ExpertiseArea": {},
    "research.Centre": {},
    "publications.Series": {},
    "publications.Category": {"exclude": TREE_FIELDS},
    "publications.Publication": {"follow": ["authorships", "tagged_items"]},
    "publications.Authorship": {},
    "publications.ExternalPublication": {},
    "publications.HomeFeature": {},
    "events.Event": {"follow": ["speakers"]},
    "events.EventSpeaker": {},
    "newsroom.MediaItem": {},
    "core.SiteSettings": {},
    "core.SocialLink": {},
    "core.FooterLink": {},
    "library.Image": {},
    "library.Document": {},
    # The tag links of publications, stored with them (the tags themselves are shared).
    "taggit.TaggedItem": {},
}


def register_models():
    """Register every content model with django-reversion, with the options above.

    An admin page built on ``VersionAdmin`` registers its model by itself when the admin loads
    (before this runs); such a registration is replaced, so that these options always apply.
    """
    if VERSION_FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(VERSION_FORMAT, __name__)
    for label, options in VERSIONED.items():
        try:
            model = apps.get_model(label)
        except LookupError:  # an app that is not installed
            continue
        if is_registered(model):
            unregister(model)
        # Tags are stored as rows (followed above), not as a field of the item.
        unstored = [
            field.name
            for field in model._meta.local_many_to_many
            if not isinstance(field, models.ManyToManyField)
        ]
        register(
            model,
            exclude=(*options.get("exclude", ()), *unstored),
            follow=tuple(options.get("follow", ())),
            format=VERSION_FORMAT,
        )


# The stored format ---------------------------------------------------------------------------


def Deserializer(stream_or_string, **options):  # noqa: N802 (the name Django looks for)
    """Read versions as JSON; each one is put back by ``CheckedVersion.save()``."""
    for item in JSONDeserializer(stream_or_string, **options):
        yield CheckedVersion(item.object, item.m2m_data, item.deferred_fields)


class CheckedVersion(DeserializedObject):
    """An old version about to be written back to the database.

    Before writing, every item it points to must still exist: a link to a deleted tag is left
    out, and a missing author, parent or series stops the restore with a message (instead of a
    broken row). Links to deleted categories or people are dropped from many-to-many fields.
    Menu items and categories are put back in the tree with the tree code.
    """

    def save(self, save_m2m=True, using=None, **kwargs):
        obj = self.object
        missing = _missing_target(obj, using)
        if missing is not None:
            if isinstance(obj, TaggedItemBase) and missing.name == "tag":
                return  # the tag itself was deleted since: the item comes back without it
            raise ObjectDoesNotExist(f"{obj}: its {missing.verbose_name} has been deleted.")
        if self.m2m_data:
            self.m2m_data = _existing_m2m(obj, self.m2m_data, using)
        if isinstance(obj, MPTTModel):
            _save_tree_node(self, obj, save_m2m, using, **kwargs)
        else:
            super().save(save_m2m=save_m2m, using=using, **kwargs)
        after_restore = AFTER_RESTORE.get(obj._meta.label)
        if after_restore is not None:
            after_restore(obj, using)


def _reclaim_code(publication, using):
    """A recovered publication takes back its own series code.

    Codes are never given twice: when a publication is deleted its code stays reserved with no
    item. The version being restored shows this item had the code, so the reservation is its
    own again (otherwise the check "given to an item since removed" would refuse it).
    """
    if publication.code:
        IssuedCode = apps.get_model("publications", "IssuedCode")
        IssuedCode._base_manager.using(using).filter(
            code=publication.code, publication__isnull=True
        ).update(publication=publication.pk)


#: What else to put right when an old version of a model is written back.
AFTER_RESTORE = {"publications.Publication": _reclaim_code}


def _missing_target(obj, using):
    """The first foreign key of ``obj`` whose target no longer exists, or None.

    A link that the deletion would have emptied anyway (e.g. "created by" a removed user) is
    emptied instead."""
    for field in obj._meta.concrete_fields:
        if not (field.many_to_one or field.one_to_one):
            continue
        value = getattr(obj, field.attname)
        if value is None:
            continue
        target = field.target_field.attname
        if field.related_model._base_manager.using(using).filter(**{target: value}).exists():
            continue
        if field.null and field.remote_field.on_delete is models.SET_NULL:
            setattr(obj, field.attname, None)  # as the deletion itself would have done
            continue
        return field
    return None


def _existing_m2m(obj, m2m_data, using):
    existing = {}
    for name, values in m2m_data.items():
        related = obj._meta.get_field(name).related_model
        found = set(related._base_manager.using(using).filter(pk__in=values).values_list("pk"))
        found = {pk for (pk,) in found}
        existing[name] = [value for value in values if value in found]
    return existing


def _save_tree_node(version, node, save_m2m, using, **kwargs):
    """Write an old version of a tree node back, leaving a valid tree.

    A node that still exists keeps its place while its fields are restored, then moves under
    the parent of the old version if that differs. A recovered node is inserted under its
    parent. Either way it goes where the tree's order puts it (by name for categories, last
    among its siblings for menu items).
    """
    model = type(node)
    opts = node._mptt_meta
    manager = model._tree_manager.db_manager(using)
    parent_id = opts.get_raw_field_value(node, opts.parent_attr)
    parent = model._base_manager.using(using).get(pk=parent_id) if parent_id else None
    current = model._base_manager.using(using).filter(pk=node.pk).first()
    if current is None:
        target, position = _place(node, parent)
        manager.insert_node(node, target, position, allow_existing_pk=True)
        DeserializedObject.save(version, save_m2m=save_m2m, using=using, **kwargs)
        return
    for attr in (opts.left_attr, opts.right_attr, opts.tree_id_attr, opts.level_attr):
        setattr(node, attr, getattr(current, attr))
    current_parent_id = opts.get_raw_field_value(current, opts.parent_attr)
    opts.set_raw_field_value(node, opts.parent_attr, current_parent_id)
    DeserializedObject.save(version, save_m2m=save_m2m, using=using, **kwargs)
    order_changed = any(
        getattr(node, name) != getattr(current, name) for name in opts.order_insertion_by
    )
    if parent_id == current_parent_id and not order_changed:
        return
    fresh = model._base_manager.using(using).get(pk=node.pk)
    target, position = _place(fresh, parent)
    try:
        manager.move_node(fresh, target, position)
    except InvalidMove:
        raise RevertError(
            f"“{node}” cannot go back under “{parent}”, which is now inside it. "
            f"Move “{parent}” elsewhere first."
        ) from None


def _place(node, parent):
    """Where ``node`` belongs under ``parent``: (target, position) for the tree code."""
    right_sibling = node._mptt_meta.get_ordered_insertion_target(node, parent)
    if right_sibling is not None:
        return right_sibling, "left"
    if parent is None:
        return None, "last-child"
    return parent, "last-child"


# The admin -----------------------------------------------------------------------------------


class HistoryAdmin(VersionAdmin):
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
        come back with it."""
        from reversion import add_to_revision, create_revision, set_comment, set_user

        for obj in objects:
            with create_revision():
                set_user(request.user)
                set_comment("Deleted.")
                add_to_revision(obj)
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
        from django.http import Http404

        versions = Version.objects.get_for_model(self.model)
        if object_id is not None:
            versions = versions.filter(object_id=object_id)
        try:
            return versions.get(pk=int(version_id))
        except (ValueError, TypeError, Version.DoesNotExist):
            raise Http404("No such version of this item.") from None

    def recover_view(self, request, version_id, extra_context=None):
        self._own_version_or_404(version_id)
        return self._guarded(request, super().recover_view, request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        from django.contrib.admin.utils import unquote

        self._own_version_or_404(version_id, unquote(object_id))
        return self._guarded(
            request, super().revision_view, request, object_id, version_id, extra_context
        )

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
        from reversion import is_active, set_comment

        if is_active():
            set_comment("Moved in the tree by drag and drop.")
        return super()._move_node(request)


def versions_of(model, object_id):
    """The stored versions of one item, newest first."""
    return Version.objects.get_for_object_reference(model, object_id).order_by("-pk")


def is_versioned(model):
    return isinstance(model, type) and issubclass(model, models.Model) and is_registered(model)
