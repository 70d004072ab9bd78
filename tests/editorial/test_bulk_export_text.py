"""The CSV export stays one row per item, whatever the items' texts hold."""

import csv
import io

import pytest

from tests.factories import AuthorshipFactory, EventFactory, MediaItemFactory, PublicationFactory
from tests.hostile import CONTROL, CONTROL_CHARACTERS, STORABLE_CONTROL

CASES = [
    ("/admin/publications/publication/", PublicationFactory, {"title": CONTROL}),
    ("/admin/events/event/", EventFactory, {"title": CONTROL, "venue": CONTROL}),
    ("/admin/newsroom/mediaitem/", MediaItemFactory, {"title": CONTROL, "outlet": CONTROL}),
]


def export(client, url, items):
    response = client.post(
        url, {"action": "export_csv", "_selected_action": [item.pk for item in items]}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("url", "factory", "hostile"), CASES)
def test_export_puts_each_item_on_one_line_without_control_characters(
    staff_client, url, factory, hostile
):
    saved = factory()
    for name, value in hostile.items():
        setattr(saved, name, value)
    saved.save()
    around = factory()
    type(around).objects.filter(pk=around.pk).update(
        **{name: STORABLE_CONTROL for name in hostile}
    )  # saved before the cleaning

    response_rows = export(staff_client, url, [saved, around])

    assert len(response_rows) == 3
    for row in response_rows[1:]:
        assert not set("".join(row)) & CONTROL_CHARACTERS, row
        assert "One Two Three Four Five Six Seven Eight Nine Ten Eleven End" in row


def test_export_defuses_formulas_after_control_characters(staff_client, db):
    item = PublicationFactory()
    type(item).objects.filter(pk=item.pk).update(title="\r\n=HYPERLINK(1)", code="@SUM(1)")
    AuthorshipFactory(publication=item, person=None, name="+1")

    [_, row] = export(staff_client, "/admin/publications/publication/", [item])

    assert row[0] == "'@SUM(1)" and row[1] == "'=HYPERLINK(1)"
