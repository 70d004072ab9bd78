"""Media items get the status other content has, in place of their "published" box.

A published item becomes "published", any other a draft, and back again on the way down. The
versions kept in the items' history are rewritten the same way, so that restoring one made
before this change gives back its state.
"""

import json

from django.db import migrations, models

PUBLISHED = "published"
DRAFT = "draft"


def _rewrite_versions(apps, schema_editor, change):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="newsroom", model="mediaitem").first()
    if content_type is None:
        return
    versions = Version.objects.filter(content_type=content_type, format="json")
    for version in versions.iterator():
        data = json.loads(version.serialized_data)
        for record in data:
            change(record["fields"])
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])


def _to_status(fields):
    if "published" in fields:
        fields["status"] = PUBLISHED if fields.pop("published") else DRAFT


def _to_box(fields):
    if "status" in fields:
        fields["published"] = fields.pop("status") == PUBLISHED


def forwards(apps, schema_editor):
    MediaItem = apps.get_model("newsroom", "MediaItem")
    MediaItem.objects.filter(published=True).update(status=PUBLISHED)
    MediaItem.objects.filter(published=False).update(status=DRAFT)
    _rewrite_versions(apps, schema_editor, _to_status)


def backwards(apps, schema_editor):
    MediaItem = apps.get_model("newsroom", "MediaItem")
    MediaItem.objects.filter(status=PUBLISHED).update(published=True)
    MediaItem.objects.exclude(status=PUBLISHED).update(published=False)
    _rewrite_versions(apps, schema_editor, _to_box)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0003_co_editors"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="mediaitem",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("review", "Awaiting review"),
                    ("published", "Published"),
                    ("withdrawn", "Withdrawn"),
                ],
                db_index=True,
                default="draft",
                help_text="Only published items are shown on the site and in their feed.",
                max_length=10,
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="mediaitem", name="published"),
    ]
