"""The migration that gives items saved before authors were recorded the author of their
first revision."""

import importlib
from types import SimpleNamespace

import pytest
import reversion
from django.apps import apps
from django.db import connection

from publications.models import Publication
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("editorial.migrations.0003_owners_from_history")


def test_items_get_the_first_author_their_history_names():
    first, later = UserFactory(), UserFactory()
    with_history = PublicationFactory(status="draft", created_by=None)
    for user in (None, first, later):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.add_to_revision(with_history)
    without_history = PublicationFactory(status="draft", created_by=None)
    owned = PublicationFactory(status="draft", created_by=later)

    migration.owners_from_history(apps, SimpleNamespace(connection=connection))

    owners = dict(Publication.objects.values_list("pk", "created_by"))
    assert owners[with_history.pk] == first.pk
    assert owners[without_history.pk] is None
    assert owners[owned.pk] == later.pk
