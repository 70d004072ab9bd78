from django.db import migrations


def create_roles(apps, schema_editor):
    from editorial.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_review_status_and_publish_permission"),
        ("navigation", "0002_section_choices_from_apps"),
        ("newsroom", "0002_created_by_and_publish_permission"),
        ("publications", "0004_review_status_licence_and_publish_permission"),
        ("research", "0001_centres_and_programmes"),
        ("staff", "0001_people_groups_expertise"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
