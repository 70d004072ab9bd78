"""Which models keep a history of their versions, and how a change gets a revision of its own.

Every save through the admin stores a copy of the item (and of the rows edited with it: authors,
speakers, tags, group memberships) with who made it and when. The models are those the content
apps register with ``editorial.registry.register_versioned``; each is registered with
django-reversion as soon as both are known. Versions are stored in the "checked-json" format
(``editorial.serialisation``): ordinary JSON, read back with care so that restoring can never
break the menu or category trees, nor point at something deleted since.

How an old version comes back is in ``editorial.restore``; the admin pages (history, compare,
restore, recover) in ``editorial.history_admin``.
"""

from contextlib import contextmanager

from django.core import serializers
from django.db import models
from reversion import (
    add_to_revision,
    create_revision,
    is_registered,
    register,
    set_comment,
    set_user,
    unregister,
)
from reversion.models import Version

from . import registry
from .models import ReviewComment, ShareLink
from .reversion_compat import outside_current_revisions

#: The name versions are stored under; the format is ``editorial.serialisation``.
VERSION_FORMAT = "checked-json"

#: Tree position columns of the menu and category trees: never stored in a version (they
#: describe the whole tree, not the item), recomputed by the tree code when an item comes back.
TREE_FIELDS = ("lft", "rght", "tree_id", "level")


def start():
    """Register the versions' format, and every versioned model (now and when registered)
    with django-reversion. Called when the site starts."""
    if VERSION_FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(VERSION_FORMAT, "editorial.serialisation")
    registry.on_versioned(keep_history)
    for model in EVENT_RECORDS:
        if not is_registered(model):
            register(model)


#: Records of what was done to an item without changing it (a share link made or withdrawn, a
#: step of its review): each is kept in a revision of its own, a line of the activity list.
EVENT_RECORDS = (ShareLink, ReviewComment)


def keep_history(model, options):
    """Register ``model`` with django-reversion with its registered options.

    An admin page built on ``VersionAdmin`` registers its model by itself when the admin loads
    (before the apps register theirs); such a registration is replaced, so that these options
    always apply. A many-to-many field without a model of its own (the categories of a
    publication) is stored in the item's version; tags are stored as rows (followed), not as
    a field of the item.
    """
    if is_registered(model):
        unregister(model)
    unstored = [
        field.name
        for field in model._meta.local_many_to_many
        if not isinstance(field, models.ManyToManyField)
    ]
    register(
        model,
        exclude=(*options.exclude, *unstored),
        follow=options.follow,
        format=VERSION_FORMAT,
    )


@contextmanager
def separate_revision(user, comment):
    """Record what is saved in the block as a revision of its own, with ``user`` and
    ``comment``, even where a revision is already being recorded (the admin's list page
    records everything saved while it runs as one revision). Used to give each item of a bulk
    change its own revision, so that restoring one item never involves another.
    """
    with outside_current_revisions(), create_revision():
        set_user(user)
        set_comment(comment)
        yield


def versions_of(model, object_id):
    """The stored versions of one item, newest first."""
    return Version.objects.get_for_object_reference(model, object_id).order_by("-pk")


def record_event(*, user, comment, record):
    """Put ``record`` (one of ``EVENT_RECORDS``, as it is now) in a revision of its own, by
    ``user`` with ``comment``: a line of the activity list, apart from any change being saved."""
    with separate_revision(user, comment):
        add_to_revision(record)
