"""Media items' "published" box becomes their status, and back, keeping what was public."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from reversion.models import Revision, Version

BEFORE = [("newsroom", "0003_co_editors")]
AFTER = [("newsroom", "0004_status")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_published_items_stay_published_and_the_others_become_drafts():
    old = migrate(BEFORE)
    MediaItem = old.get_model("newsroom", "MediaItem")
    shown = MediaItem.objects.create(kind="highlights", title="Out", slug="out", date="2021-07-12")
    shown.published = True
    shown.save()
    hidden = MediaItem.objects.create(
        kind="highlights", title="In", slug="in", date="2021-07-12", published=False
    )
    content_type = ContentType.objects.get_for_model(MediaItem)
    fields = {"kind": "highlights", "title": "Out", "published": True}
    Version.objects.create(
        revision=Revision.objects.create(date_created="2021-07-12T00:00Z", comment=""),
        object_id=str(shown.pk),
        content_type_id=content_type.pk,
        db="default",
        format="json",
        serialized_data=json.dumps(
            [{"model": "newsroom.mediaitem", "pk": shown.pk, "fields": fields}]
        ),
        object_repr="Out",
    )

    new = migrate(AFTER)
    MediaItem = new.get_model("newsroom", "MediaItem")
    assert MediaItem.objects.get(pk=shown.pk).status == "published"
    assert MediaItem.objects.get(pk=hidden.pk).status == "draft"
    version = Version.objects.get()
    assert json.loads(version.serialized_data)[0]["fields"] == {
        "kind": "highlights", "title": "Out", "status": "published"
    }  # fmt: skip

    old = migrate(BEFORE)
    MediaItem = old.get_model("newsroom", "MediaItem")
    assert MediaItem.objects.get(pk=shown.pk).published is True
    assert MediaItem.objects.get(pk=hidden.pk).published is False
    version = Version.objects.get()
    assert json.loads(version.serialized_data)[0]["fields"]["published"] is True

    migrate(AFTER)  # the schema the other tests expect
