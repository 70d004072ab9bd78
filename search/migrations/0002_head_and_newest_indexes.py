from django.db import migrations

# PostgreSQL only (SQLite ranks every match, and its descending index on the date already puts
# undated entries last): the index of the ranking vector, which finds the entries with the
# words in their code, title, names or summary without reading the others; and newest first
# as the results sort it, undated last, so that the first page of a common word sorted by
# date is read from the index and stops early.
POSTGRES_STEPS = [
    (
        "CREATE INDEX IF NOT EXISTS search_entry_head ON search_searchentry USING gin (head)",
        "DROP INDEX IF EXISTS search_entry_head",
    ),
    (
        "CREATE INDEX IF NOT EXISTS search_entry_newest "
        "ON search_searchentry (date DESC NULLS LAST, id DESC)",
        "DROP INDEX IF EXISTS search_entry_newest",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for create, _ in POSTGRES_STEPS:
            schema_editor.execute(create)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _, drop in reversed(POSTGRES_STEPS):
            schema_editor.execute(drop)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_search_entries_and_terms"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
