"""A library file leaves the storage with its row.

Deleting an image removes its file and its renditions (the sizes made for bodies and lists);
deleting a document removes its file. The files go once the deletion is committed: a deletion
that is rolled back (a failed bulk deletion, a restore only looked at) leaves them in place.
A deleted image or document cannot be recovered from its history afterwards: its file is gone
(its admin says so and asks for a new upload).
"""

import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete

from .models import Document, Image

logger = logging.getLogger(__name__)


def stored_files(item):
    """The names of the files ``item`` (an image or a document) keeps in the storage."""
    if not item.file:
        return []
    names = [item.file.name]
    if isinstance(item, Image):
        for rendition in (item.body_size, item.thumbnail):
            try:
                names.append(rendition.name)
            except Exception:  # noqa: BLE001 - a rendition that cannot be named was never made
                logger.warning("No rendition name for library image %s", item.pk)
    return names


def remove_files(names, storage=None):
    """Delete the files ``names`` from the storage (those already gone are skipped)."""
    storage = storage or default_storage
    for name in names:
        try:
            if storage.exists(name):
                storage.delete(name)
        except OSError:
            logger.exception("Could not delete the library file %s", name)


def file_missing(item):
    """Whether the file of ``item`` is no longer in the storage."""
    return not item.file or not default_storage.exists(item.file.name)


def _after_delete(sender, instance, using, **kwargs):
    names = stored_files(instance)
    if names:
        transaction.on_commit(lambda: remove_files(names), using=using)


def connect():
    """Remove the files of library items when they are deleted. Called once, at start-up."""
    for model in (Image, Document):
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"library-files-{model}")
