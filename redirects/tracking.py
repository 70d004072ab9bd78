"""Old addresses kept by themselves when an item moves or is withdrawn.

A content app registers, from its ``AppConfig.ready()``, each model whose items have public
addresses (``register_moves``). Whenever such an item is saved (from its admin form or list, a
restore, an import), its public addresses before and after the save are compared:

- an address it had and has lost (its slug or series changed, or its place in the menu, or
  that of a page above it) leads to it from then on: a 301 to the item itself, which follows
  the item if it moves again;
- an address it has again is no longer an old address: what was kept there is removed;
- an item taken down for good (``gone``) leaves its last public address answering 410 Gone,
  until it comes back there.

django-mptt moves a tree item, with the items under it, in the database before the save is
signalled, both when its parent is changed in a form and when it is dragged in the admin's
tree (``node_moved`` comes later still). So the parent an item had when it was read from the
database is kept with it, to know where it was.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_init, post_save, pre_save

from . import services
from .models import Redirect

#: Kept on an item being saved: its addresses before the save, and whether it was gone.
_BEFORE = "_redirects_before"
#: Kept on a tree item: its parent when it was read (or last saved).
_READ_PARENT = "_redirects_read_parent"
_MISSING = object()


@dataclass(frozen=True)
class Moves:
    public: Callable
    addresses: Callable
    gone: Callable | None
    fields: tuple
    select_related: tuple
    parent: str | None
    address: Callable


_MOVES = {}


def register_moves(
    model, *, public, addresses=None, gone=None, fields=(), select_related=(), address=None
):
    """Keep the old addresses of ``model``'s items when they move or are withdrawn.

    - ``public(item)``: whether the item is public, at ``item.get_absolute_url()``;
    - ``addresses(item)``: ``{item: address}`` of the public addresses that change with the
      item: its own and those of the items under it (the pages under a menu page). By default,
      its own address if it is public;
    - ``gone(item)``: whether it was taken down for good: the address it had answers 410;
    - ``fields``: the fields its addresses and state depend on. A save that changes none of
      them costs one query (reading them as they were). All fields if none are given;
    - ``select_related``: the relations ``addresses`` reads (a publication's series);
    - ``address(item)``: the public item's address, where it costs less than
      ``get_absolute_url()`` (from a cached menu), for lists of redirects.
    """
    tree = getattr(model, "_mptt_meta", None)
    moves = Moves(
        public=public,
        addresses=addresses or (lambda item: _own_address(item, public)),
        gone=gone,
        fields=tuple(model._meta.get_field(name).attname for name in fields),
        select_related=tuple(select_related),
        parent=model._meta.get_field(tree.parent_attr).attname if tree else None,
        address=address or model.get_absolute_url,
    )
    _MOVES[model] = moves
    uid = f"redirects:{model._meta.label}"
    pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}:before")
    post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}:after")
    if moves.parent:
        post_init.connect(_remember_parent, sender=model, dispatch_uid=f"{uid}:parent")


def is_public(item):
    """Whether ``item`` may be sent visitors to (items of models not registered: always)."""
    moves = _MOVES.get(type(item))
    return moves is None or bool(moves.public(item))


def is_gone(item):
    """Whether ``item`` was taken down for good (its old addresses answer 410 Gone)."""
    moves = _MOVES.get(type(item))
    return bool(moves and moves.gone and moves.gone(item))


def address_of(item):
    """The current address of ``item``, public (see ``register_moves``)."""
    moves = _MOVES.get(type(item))
    return moves.address(item) if moves else item.get_absolute_url()


def target_item(redirect):
    """The item ``redirect`` leads to, read with what its address needs (one query), or None
    if it no longer exists."""
    model = ContentType.objects.get_for_id(redirect.content_type_id).model_class()
    if model is None:
        return None
    moves = _MOVES.get(model)
    items = model._base_manager.select_related(*(moves.select_related if moves else ()))
    return items.filter(pk=redirect.object_id).first()


def item_querysets():
    """For each registered model that needs them, its items read with what their addresses
    need (to show where many redirects lead at once)."""
    return [
        model._base_manager.select_related(*moves.select_related)
        for model, moves in _MOVES.items()
        if moves.select_related
    ]


def _own_address(item, public):
    return {item: item.get_absolute_url()} if public(item) else {}


def _remember_parent(sender, instance, **kwargs):
    moves = _MOVES[sender]
    if moves.parent in instance.__dict__:
        instance.__dict__[_READ_PARENT] = instance.__dict__[moves.parent]


def _before_save(sender, instance, **kwargs):
    moves = _MOVES[sender]
    old = None
    if instance.pk is not None:
        old = (
            sender._base_manager.select_related(*moves.select_related)
            .filter(pk=instance.pk)
            .first()
        )
    if old is None:
        instance.__dict__[_BEFORE] = ({}, False)
        return
    if moves.parent:
        read_parent = instance.__dict__.get(_READ_PARENT, _MISSING)
        if read_parent is not _MISSING and read_parent != instance.__dict__.get(moves.parent):
            # Already moved in the database by django-mptt: where it was when read.
            old.__dict__[moves.parent] = read_parent
    names = moves.fields or [field.attname for field in sender._meta.concrete_fields]
    if all(
        instance.__dict__.get(name, old.__dict__.get(name)) == old.__dict__.get(name)
        for name in names
    ):
        instance.__dict__[_BEFORE] = None  # nothing its addresses depend on changes
        return
    instance.__dict__[_BEFORE] = (_paths(moves.addresses(old)), is_gone(old))


def _after_save(sender, instance, raw=False, **kwargs):
    moves = _MOVES[sender]
    state = instance.__dict__.pop(_BEFORE, None)
    if moves.parent and moves.parent in instance.__dict__:
        instance.__dict__[_READ_PARENT] = instance.__dict__[moves.parent]
    if state is None:
        return
    before, was_gone = state
    after = _paths(moves.addresses(instance))
    gone_now = not was_gone and is_gone(instance)
    _keep_old_addresses(instance, before, after, gone_now=gone_now)


def _paths(addresses):
    """``{item: old address as kept}``, for the addresses that can be kept."""
    paths = {item: services.site_path(address) for item, address in addresses.items()}
    return {item: path for item, path in paths.items() if path is not None}


def _keep_old_addresses(item, before, after, *, gone_now):
    kept = []
    for obj, path in before.items():
        if after.get(obj, path) != path:
            kept.append(
                Redirect(
                    old_path=path,
                    content_type=ContentType.objects.get_for_model(obj),
                    object_id=obj.pk,
                    status=Redirect.Status.MOVED,
                    source=Redirect.Source.MOVED,
                )
            )
    if gone_now and item in before:
        kept.append(
            Redirect(
                old_path=before[item],
                status=Redirect.Status.GONE,
                source=Redirect.Source.WITHDRAWN,
            )
        )
    live = {path for obj, path in after.items() if before.get(obj) != path}
    services.forget_all(live - {redirect.old_path for redirect in kept})
    services.write(kept)
