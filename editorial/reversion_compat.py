"""Every use of django-reversion's private parts, in one place.

django-reversion's public API records revisions and reverts whole revisions; restoring one item
of a revision, keeping fields on a restore and giving a bulk change a revision of its own need
a few of its private names. They are all reached through this module (and nowhere else), so
that an upgrade of django-reversion is checked here, by ``tests/editorial/
test_reversion_compat.py``, which exercises each of them against the installed version.
"""

from contextlib import contextmanager

from reversion import revisions
from reversion.utils import mute_signals  # noqa: F401 (undocumented, used by restores)


def version_model(version):
    """The model of the item a ``Version`` stores."""
    return version._model


def stored(version):
    """The item as stored in ``version``: a deserialized object (``.object`` and
    ``.m2m_data``), made once per ``Version`` instance. Changes made to it are what
    ``version.revert()`` writes back."""
    return version._object_version


def stored_object(version):
    """The model instance of the item as stored in ``version`` (never saved by this)."""
    return version._object_version.object


def stored_m2m(version):
    """``{field name: [primary keys]}`` of the many-to-many fields stored in ``version``;
    changes made to it are written back by ``version.revert()``."""
    return version._object_version.m2m_data


def followed(model):
    """The names of the relations registered to be saved with ``model``'s items."""
    return revisions._get_options(model).follow


@contextmanager
def outside_current_revisions():
    """Run the block as if no revision were being recorded, and give the revisions being
    recorded back afterwards (django-reversion keeps them in a context variable)."""
    token = revisions._stack.set([])
    try:
        yield
    finally:
        revisions._stack.reset(token)


class RevisionFormViewHook:
    """Admin mixin: django-reversion's admin shows the restore and recover pages through a
    private method; this hands it to ``revision_form_view``, which the admin defines."""

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        return self.revision_form_view(request, version, template_name, extra_context)
