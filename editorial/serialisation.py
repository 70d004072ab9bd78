"""The format versions are stored in: "checked-json".

Ordinary JSON, read back with care: before an old version is written to the database, every
item it points to must still exist, and a menu item or category is put back in its tree with
the tree code, so that restoring can never break a tree nor point at something deleted since.
This module is the format Django's serializers know as ``editorial.versioning.VERSION_FORMAT``.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import DeserializedObject
from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import Serializer  # noqa: F401 (this module is a format)
from django.db import models
from mptt.exceptions import InvalidMove
from mptt.models import MPTTModel
from reversion.errors import RevertError
from taggit.models import TaggedItemBase

from . import registry


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
        after_restore = registry.versioned(type(obj)).after_restore
        if after_restore is not None:
            after_restore(obj, using)


def _is_link(obj, missing):
    """Whether ``obj`` is only a link (a tag link, a row of a many-to-many table) whose end
    ``missing`` is gone, so that leaving it out loses nothing else."""
    if isinstance(obj, TaggedItemBase):
        return missing.name == "tag"
    return bool(obj._meta.auto_created)


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
