"""Give items saved before their author was recorded the author of their first revision.

A contributor may edit only their own drafts (and those shared with them); an item whose
author is unknown is left to the editors. Where the history knows who first saved the item,
that person is its author.
"""

from django.db import migrations
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

OWNED = [
    ("publications", "publication"),
    ("events", "event"),
    ("newsroom", "mediaitem"),
]


def owners_from_history(apps, schema_editor):
    """One UPDATE per model: each item without an author gets the user of its first revision
    that names one (items without history keep none)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    db = schema_editor.connection.alias
    for app_label, model_name in OWNED:
        model = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.db_manager(db).filter(
            app_label=app_label, model=model_name
        )
        if not content_type.exists():
            continue  # a new database: nothing was saved yet
        first_user = (
            Version.objects.using(db)
            .filter(
                content_type__in=content_type,
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
                revision__user__isnull=False,
            )
            .order_by("revision__date_created", "pk")
            .values("revision__user")[:1]
        )
        model.objects.using(db).filter(created_by__isnull=True).update(
            created_by=Subquery(first_user)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_share_links"),
        ("publications", "0005_co_editors"),
        ("events", "0003_co_editors"),
        ("newsroom", "0003_co_editors"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(owners_from_history, migrations.RunPython.noop)]
