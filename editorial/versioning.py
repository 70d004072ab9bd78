"""Revisions of the content: which models keep a history, and how an old version comes back.

Every save through the admin stores a copy of the item (and of the rows edited with it: authors,
speakers, tags, group memberships) with who made it and when. From an item's "History" page an
editor can compare two versions and restore one; from a list's "Recover deleted ..." page they
can bring back a deleted item with everything that was saved with it, and with what pointed to
it from elsewhere (its home-page feature, other items' "related" links). A restore brings back
the item of the page only (never other items stored in the same revision), obeys the roles, and
never changes a publication's series code; a recovered publication, event or media item comes
back as a draft.

All the models are registered here, in one place, by ``register_models()`` (called when the
site starts). Versions are stored in the "checked-json" format defined below: ordinary JSON, read
back with care so that restoring can never break the menu or category trees, nor point at
something deleted since.
"""

from contextlib import contextmanager, nullcontext

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.core.serializers.base import DeserializedObject
from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import Serializer  # noqa: F401 (this module is a format)
from django.db import IntegrityError, connections, models, transaction
from django.db.models.deletion import Collector
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from mptt.admin import DraggableMPTTAdmin
from mptt.exceptions import InvalidMove
from mptt.models import MPTTModel
from reversion import (
    create_revision,
    is_registered,
    register,
    set_comment,
    set_user,
    unregister,
)
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.revisions import _get_options
from reversion.utils import mute_signals
from taggit.models import TaggedItemBase

from .actions import OfferedActionsOnly

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
    # The "related" links between items, stored when one end is deleted (below).
    "publications.Publication_related": {},
    "events.Event_related_publications": {},
}

#: Rows of other items that point to an item and go when it is deleted: its place on the home
#: page, the "related" links other publications and events have to it. They are stored with
#: the deletion and come back when the item is recovered, as ``(model label, field pointing to
#: the item)``. Restoring an old version of an item that still exists never touches them: they
#: are the other items' and the home page's, not the item's.
RECOVERED_WITH = {
    "publications.Publication": [
        ("publications.HomeFeature", "publication"),
        ("publications.Publication_related", "to_publication"),
        ("events.Event_related_publications", "publication"),
    ],
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

    Before writing, every item it points to must still exist: a link to a deleted tag or item is
    left out, and a missing author, parent or series stops the restore with a message (instead
    of a broken row). Links to deleted categories or people are dropped from many-to-many fields.
    Menu items and categories are put back in the tree with the tree code.
    """

    def save(self, save_m2m=True, using=None, **kwargs):
        obj = self.object
        missing = _missing_target(obj, using)
        if missing is not None:
            if _is_link(obj, missing):
                return  # the other end was deleted since: the item comes back without the link
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


def _is_link(obj, missing):
    """Whether ``obj`` is only a link (a tag link, a row of a many-to-many table) whose end
    ``missing`` is gone, so that leaving it out loses nothing else."""
    if isinstance(obj, TaggedItemBase):
        return missing.name == "tag"
    return bool(obj._meta.auto_created)


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


# Restoring one item --------------------------------------------------------------------------
#
# A revision can hold several items: older bulk changes and tag merges stored every item they
# changed in one revision. Restoring an item from such a revision must put back that item only,
# with the rows stored as part of it (its authors, speakers, tag links, memberships; for a
# deleted menu item, the pages deleted with it), never the other items of the revision.

#: Fields an old version never changes when it is restored: a publication's series code is its
#: permanent name (short links, citations), whatever the old version says; who wrote an item
#: and who it is shared with are not content, and only its author or an editor decide them.
KEPT_ON_RESTORE = {
    "publications.Publication": ("code", "created_by", "co_editors"),
    "events.Event": ("created_by", "co_editors"),
    "newsroom.MediaItem": ("created_by", "co_editors"),
}

#: Where the state of an item just before a restore is kept on the request, by
#: ``(model label, object id)``: the restored state is in the database by the time the form
#: is checked, so the checks that compare with "before" read it from here.
_BEFORE_RESTORE = "_editorial_state_before_restore"


def remember_state_before_restore(request, model, object_id, current):
    states = getattr(request, _BEFORE_RESTORE, None)
    if states is None:
        states = {}
        setattr(request, _BEFORE_RESTORE, states)
    states[(model._meta.label_lower, str(object_id))] = current


def state_before_restore(request, obj):
    """``(True, the item as it was before the restore, or None if it was deleted)`` when
    ``obj`` is being restored in this request, else ``(False, None)``."""
    states = getattr(request, _BEFORE_RESTORE, None) or {}
    key = (obj._meta.label_lower, str(obj.pk))
    if key in states:
        return True, states[key]
    return False, None


def _follow_relation(model, name):
    """The relation a registered "follow" name stands for (a field name or a reverse
    accessor such as ``personexpertise_set``)."""
    for field in model._meta.get_fields(include_hidden=True):
        if field.name == name:
            return field
        if field.auto_created and not field.concrete and field.get_accessor_name() == name:
            return field
    return None


def _owned_relation(model, name):
    """The relation named ``name`` if its rows belong to the item (rows pointing to it: its
    authorships, tag links...), or None for a link to something shared (a series, a person)."""
    relation = _follow_relation(model, name)
    if isinstance(relation, GenericRelation):
        return relation
    if isinstance(relation, ForeignObjectRel) and (relation.one_to_many or relation.one_to_one):
        return relation
    return None


def _points_to(stored, relation, parent_model, parent_id, using):
    """Whether the stored row ``stored`` belongs to the item ``parent_id`` through
    ``relation``."""
    if isinstance(relation, GenericRelation):
        content_type = ContentType.objects.db_manager(using).get_for_model(
            parent_model, for_concrete_model=relation.for_concrete_model
        )
        return getattr(stored, f"{relation.content_type_field_name}_id") == content_type.pk and str(
            getattr(stored, relation.object_id_field_name)
        ) == str(parent_id)
    return str(getattr(stored, relation.field.attname)) == str(parent_id)


def owned_versions(version, *, with_descendants=False):
    """``version`` and the versions of its revision that are part of the same item.

    Found through the registered "follow" relations (rows that point to the item), and, with
    ``with_descendants``, for a tree node, the nodes stored under it (the pages deleted with a
    menu item). Never another item of the revision.
    """
    db = version.db
    pool = list(version.revision.version_set.filter(db=db).exclude(pk=version.pk))
    owned = [version]
    queue = [(version._model, version.object_id)]
    content_types = ContentType.objects.db_manager(version._state.db)

    def take(candidate):
        owned.append(candidate)
        pool.remove(candidate)
        queue.append((candidate._model, candidate.object_id))

    model = version._model
    if with_descendants and issubclass(model, MPTTModel):
        parent_attr = model._meta.get_field(model._mptt_meta.parent_attr).attname
        own_type = content_types.get_for_model(model).pk
        inside = {str(version.object_id)}
        found = True
        while found:
            found = False
            for candidate in list(pool):
                if candidate.content_type_id != own_type:
                    continue
                parent_id = getattr(candidate._object_version.object, parent_attr)
                if parent_id is not None and str(parent_id) in inside:
                    inside.add(str(candidate.object_id))
                    take(candidate)
                    found = True

    while queue:
        parent_model, parent_id = queue.pop(0)
        for name in _get_options(parent_model).follow:
            relation = _owned_relation(parent_model, name)
            if relation is None:
                continue
            related_type = content_types.get_for_model(relation.related_model).pk
            for candidate in list(pool):
                if candidate.content_type_id != related_type:
                    continue
                stored = candidate._object_version.object
                if _points_to(stored, relation, parent_model, parent_id, db):
                    take(candidate)
    return owned


def _rows_following(obj):
    """The rows that are part of ``obj`` as it is now (followed relations, recursively)."""
    model = type(obj)
    if not is_registered(model):
        return
    for name in _get_options(model).follow:
        if _owned_relation(model, name) is None:
            continue
        try:
            value = getattr(obj, name)
        except ObjectDoesNotExist:  # no row on a one-to-one link
            continue
        rows = value.all() if isinstance(value, (models.Manager, models.QuerySet)) else [value]
        for row in rows:
            if row is not None:
                yield row
                yield from _rows_following(row)


def _revert_each(versions):
    """Write every version back; one that needs another first (a page under a page) waits
    for the next round. Fails when a round makes no progress."""
    pending = list(versions)
    while pending:
        failed = []
        for version in pending:
            try:
                with transaction.atomic(using=version.db):
                    version.revert()
            except (IntegrityError, ObjectDoesNotExist) as error:
                failed.append((version, error))
        if len(failed) == len(pending):
            version, error = failed[0]
            raise RevertError(f"Could not restore “{version.object_repr}”: {error}")
        pending = [version for version, _error in failed]


def restore_item(version, current, *, with_links=True):
    """Put back the item of ``version`` as it was, and nothing else.

    ``current``: the item as it is now, or None if it was deleted. Rows that are part of the
    item now but were not then (an author added since) are deleted, as the old version had
    none of them. Fields listed in ``KEPT_ON_RESTORE`` keep their present value. A deleted item
    also gets back the rows of other items that pointed to it (``RECOVERED_WITH``), unless
    ``with_links`` is false (those rows belong to items the user may not change).
    """
    owned = owned_versions(version, with_descendants=current is None)
    if current is not None:
        content_types = ContentType.objects.db_manager(version._state.db)
        stored = {(v.content_type_id, str(v.object_id)) for v in owned}
        stale = [
            row
            for row in _rows_following(current)
            if (content_types.get_for_model(type(row)).pk, str(row.pk)) not in stored
        ]
        by_model = {}
        for row in stale:
            by_model.setdefault(type(row), []).append(row)
        if by_model:
            collector = Collector(using=version.db)
            for rows in by_model.values():
                collector.collect(rows)
            collector.delete()
    _revert_each(owned)
    if current is None and with_links:
        _revert_each(_pointing_versions(version))


def create_link_content_types(using="default"):
    """Give the many-to-many tables of ``RECOVERED_WITH`` the content type their stored rows
    need (Django makes them only for ordinary models). Run after every migrate and after a
    test database is flushed, so that a type is never made inside a request that is then
    rolled back, which would leave its number remembered but not kept."""
    for links in RECOVERED_WITH.values():
        for label, _field_name in links:
            try:
                model = apps.get_model(label)
            except LookupError:  # an app that is not installed
                continue
            if model._meta.auto_created:
                ContentType.objects.db_manager(using).get_for_model(model)


def rows_pointing_to(obj):
    """The rows of ``RECOVERED_WITH`` that point to ``obj`` now."""
    for label, field_name in RECOVERED_WITH.get(obj._meta.label, ()):
        model = apps.get_model(label)
        yield from model._base_manager.filter(**{field_name: obj.pk})


def _pointing_versions(version):
    """The versions of ``RECOVERED_WITH`` rows stored in ``version``'s revision (its deletion)
    that point to its item."""
    found = []
    content_types = ContentType.objects.db_manager(version.db)
    for label, field_name in RECOVERED_WITH.get(version._model._meta.label, ()):
        model = apps.get_model(label)
        attname = model._meta.get_field(field_name).attname
        stored = version.revision.version_set.filter(
            db=version.db, content_type=content_types.get_for_model(model)
        )
        found += [
            candidate
            for candidate in stored
            if str(getattr(candidate._object_version.object, attname)) == str(version.object_id)
        ]
    return found


def keep_fields_on_restore(version, current):
    """Give the old version being restored the present values of the fields never restored.

    For a deleted item, "present" is its last stored version (made when it was deleted)."""
    model = version._model
    kept = KEPT_ON_RESTORE.get(model._meta.label, ())
    if not kept:
        return
    source = current
    if source is None:
        last = versions_of(model, version.object_id).first()
        source = last._object_version.object if last is not None else None
    if source is None:
        return
    stored = version._object_version
    for name in kept:
        field = model._meta.get_field(name)
        if field.many_to_many:
            if current is not None:
                stored.m2m_data[name] = list(getattr(current, name).values_list("pk", flat=True))
            else:
                stored.m2m_data[name] = list(last._object_version.m2m_data.get(name, []))
        else:
            setattr(stored.object, field.attname, getattr(source, field.attname))


@contextmanager
def separate_revision(user, comment):
    """Record what is saved in the block as a revision of its own, with ``user`` and
    ``comment``, even where a revision is already being recorded (the admin's list page
    records everything saved while it runs as one revision). Used to give each item of a bulk
    change its own revision, so that restoring one item never involves another.
    """
    from reversion import revisions

    # django-reversion keeps the revisions being recorded in this context variable; the
    # block starts from none, and the page's own revision is given back afterwards.
    token = revisions._stack.set([])
    try:
        with create_revision():
            set_user(user)
            set_comment(comment)
            yield
    finally:
        revisions._stack.reset(token)


# The admin -----------------------------------------------------------------------------------


class _ShownOnly(Exception):  # noqa: N818 (not an error: the page is shown, nothing kept)
    """Raised to undo a restore that was only looked at, carrying the page to show."""

    def __init__(self, response):
        super().__init__()
        self.response = response


class HistoryAdmin(OfferedActionsOnly, VersionAdmin):
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
        from reversion import add_to_revision

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
        from django.http import Http404

        versions = Version.objects.get_for_model(self.model)
        if object_id is not None:
            versions = versions.filter(object_id=object_id)
        try:
            return versions.get(pk=int(version_id))
        except (ValueError, TypeError, Version.DoesNotExist):
            raise Http404("No such version of this item.") from None

    def history_view(self, request, object_id, extra_context=None):
        """The item's history, for those who may see the item itself (403 otherwise)."""
        from django.contrib.admin.utils import unquote

        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied("You may not see this item.")
        return super().history_view(request, object_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self._own_version_or_404(version_id)
        return self._guarded(request, super().recover_view, request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        from django.contrib.admin.utils import unquote

        self._own_version_or_404(version_id, unquote(object_id))
        return self._guarded(
            request, super().revision_view, request, object_id, version_id, extra_context
        )

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
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
        model = version._model
        current = model._base_manager.using(db).filter(pk=version.object_id).first()
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied("You may not change this item.")
        keep_fields_on_restore(version, current)
        if not self.has_change_permission(request, version._object_version.object):
            raise PermissionDenied("You may not restore this version of the item.")
        if current is None:
            recovered_as = self.prepare_recovery(version._object_version.object)
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
        from reversion import is_active, set_comment

        if is_active():
            set_comment("Moved in the tree by drag and drop.")
        return super()._move_node(request)


def versions_of(model, object_id):
    """The stored versions of one item, newest first."""
    return Version.objects.get_for_object_reference(model, object_id).order_by("-pk")
