"""Every input of the admin's forms has a name: the date and the time of a split field, and the
inputs of the rows of an item's authors or speakers, named after their column and row."""

import re

from tests.factories import AuthorshipFactory, EventFactory, PersonFactory, PublicationFactory


def named(page, input_id):
    """The aria-label of the input ``input_id`` on ``page``, or None."""
    tag = re.search(rf'<(?:input|select)[^>]*\bid="{input_id}"[^>]*>', page)
    assert tag, f"no input {input_id}"
    label = re.search(r'aria-label="([^"]*)"', tag.group(0))
    return label and label.group(1)


def test_the_date_and_the_time_of_a_split_field_have_names(staff_client):
    event = EventFactory(status="draft")

    page = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()

    assert named(page, "id_start_0") == "Starts, date"
    assert named(page, "id_start_1") == "Starts, time"


def test_the_inputs_of_author_rows_are_named_after_their_column_and_row(staff_client):
    item = PublicationFactory(status="draft", code=None)
    AuthorshipFactory(publication=item, person=PersonFactory(name="Lee Mei"), order=1)

    page = staff_client.get(f"/admin/publications/publication/{item.pk}/change/").content.decode()

    assert named(page, "id_authorships-0-person") == "Member of staff, author 1"
    assert named(page, "id_authorships-0-name") == "Outside name, author 1"
    assert named(page, "id_authorships-0-DELETE") == "Delete, author 1"
    assert named(page, "id_authorships-1-affiliation") == "Affiliation, author 2"
    # The blank row that "Add another author" copies.
    assert named(page, "id_authorships-__prefix__-name") == "Outside name, new author"
    assert named(page, "id_authorships-0-id") is None  # hidden: nothing to name
