"""Whose drafts are whose.

An item's author (``created_by``) is the person who first saved it; its co-editors
(``co_editors``) are the colleagues the author or an editor shared it with. A contributor edits
only the drafts they wrote or that were shared with them: other people's drafts are theirs and
the editors' until they go out. Editors (holders of the model's publish permission) and
administrators may edit everything.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .registry import PUBLISHABLE


def is_editor(user, model):
    """Whether ``user`` holds the publish permission of ``model`` (an editor or more)."""
    return user.has_perm(PUBLISHABLE[model._meta.label_lower])


def is_author(user, obj):
    return obj.created_by_id is not None and obj.created_by_id == user.pk


def works_on(user, obj):
    """Whether ``obj`` is ``user``'s own draft or one shared with them."""
    if is_author(user, obj):
        return True
    if obj.pk is None or not user.is_authenticated:
        return False
    return obj.co_editors.filter(pk=user.pk).exists()


def worked_on_by(user, model):
    """``Q`` of the items of ``model`` that are ``user``'s own or shared with them (one
    subquery, so that no item is listed twice)."""
    through = model._meta.get_field("co_editors").remote_field.through
    item_field = model._meta.model_name
    shared = through.objects.filter(user=user.pk).values(item_field)
    return Q(created_by=user.pk) | Q(pk__in=shared)


def author_field():
    """Who first saved an item: its author, set by the admin, never typed."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )


def co_editors_field(related_name):
    """The colleagues a draft is shared with (its "Shared with" box)."""
    return models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name=related_name,
        verbose_name="colleagues",
        help_text="Colleagues who may edit this draft too, besides its author and the editors. "
        "Only the author and the editors change this list.",
    )
