"""How an old version of one item comes back.

A revision can hold several items: older bulk changes and tag merges stored every item they
changed in one revision. Restoring an item from such a revision puts back that item only, with
the rows stored as part of it (its authors, speakers, tag links, memberships; for a deleted menu
item, the pages deleted with it), never the other items of the revision. The fields each model
registers as kept on restore (who wrote an item, a publication's series code) keep their value
now; a deleted item also gets back the rows of other items that pointed to it and were stored
with its deletion (registered as recovered with it: its home-page feature, links to it).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, models, transaction
from django.db.models.deletion import Collector
from django.db.models.fields.reverse_related import ForeignObjectRel
from mptt.models import MPTTModel
from reversion import is_registered
from reversion.errors import RevertError

from . import registry
from .reversion_compat import followed, stored_m2m, stored_object, version_model
from .versioning import versions_of

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
    queue = [(version_model(version), version.object_id)]
    content_types = ContentType.objects.db_manager(version._state.db)

    def take(candidate):
        owned.append(candidate)
        pool.remove(candidate)
        queue.append((version_model(candidate), candidate.object_id))

    model = version_model(version)
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
                parent_id = getattr(stored_object(candidate), parent_attr)
                if parent_id is not None and str(parent_id) in inside:
                    inside.add(str(candidate.object_id))
                    take(candidate)
                    found = True

    while queue:
        parent_model, parent_id = queue.pop(0)
        for name in followed(parent_model):
            relation = _owned_relation(parent_model, name)
            if relation is None:
                continue
            related_type = content_types.get_for_model(relation.related_model).pk
            for candidate in list(pool):
                if candidate.content_type_id != related_type:
                    continue
                stored = stored_object(candidate)
                if _points_to(stored, relation, parent_model, parent_id, db):
                    take(candidate)
    return owned


def _rows_following(obj):
    """The rows that are part of ``obj`` as it is now (followed relations, recursively)."""
    model = type(obj)
    if not is_registered(model):
        return
    for name in followed(model):
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
    none of them. Fields registered as kept on restore keep their present value. A deleted
    item also gets back the rows of other items that pointed to it (registered as recovered
    with it), unless ``with_links`` is false (those rows belong to items the user may not
    change).
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
    """Give the many-to-many tables of the rows recovered with an item the content type their
    stored rows need (Django makes them only for ordinary models). Run after every migrate and
    after a test database is flushed, so that a type is never made inside a request that is
    then rolled back, which would leave its number remembered but not kept."""
    for links in registry.RECOVERED_WITH.values():
        for model, _field_name in links:
            if model._meta.auto_created:
                ContentType.objects.db_manager(using).get_for_model(model)


def rows_pointing_to(obj):
    """The rows registered as recovered with ``obj`` that point to it now."""
    for model, field_name in registry.recovered_with(type(obj)):
        yield from model._base_manager.filter(**{field_name: obj.pk})


def _pointing_versions(version):
    """The versions of the rows recovered with an item stored in ``version``'s revision (its
    deletion) that point to its item."""
    found = []
    content_types = ContentType.objects.db_manager(version.db)
    for model, field_name in registry.recovered_with(version_model(version)):
        attname = model._meta.get_field(field_name).attname
        stored = version.revision.version_set.filter(
            db=version.db, content_type=content_types.get_for_model(model)
        )
        found += [
            candidate
            for candidate in stored
            if str(getattr(stored_object(candidate), attname)) == str(version.object_id)
        ]
    return found


def keep_fields_on_restore(version, current):
    """Give the old version being restored the present values of the fields never restored.

    For a deleted item, "present" is its last stored version (made when it was deleted)."""
    model = version_model(version)
    kept = registry.versioned(model).kept_on_restore
    if not kept:
        return
    source = current
    if source is None:
        last = versions_of(model, version.object_id).first()
        source = stored_object(last) if last is not None else None
    if source is None:
        return
    old = stored_object(version)
    old_m2m = stored_m2m(version)
    for name in kept:
        field = model._meta.get_field(name)
        if field.many_to_many:
            if current is not None:
                old_m2m[name] = list(getattr(current, name).values_list("pk", flat=True))
            else:
                old_m2m[name] = list(stored_m2m(last).get(name, []))
        else:
            setattr(old, field.attname, getattr(source, field.attname))
