"""Bulk changes from the admin lists (categories, tags, authors) and the CSV export."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version
from taggit.models import Tag

from core.content_cache import GENERATION_KEY, current_generation
from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    EventSpeakerFactory,
    MediaItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    UserFactory,
)

PUBLICATIONS = "/admin/publications/publication/"
EVENTS = "/admin/events/event/"
MEDIA = "/admin/newsroom/mediaitem/"


def run(client, url, action, items, **fields):
    """Choose ``action`` for ``items`` in the list, then fill in its page with ``fields``."""
    data = {"action": action, "_selected_action": [str(item.pk) for item in items]}
    page = client.post(url, data)
    assert page.status_code == 200
    data.update(fields, apply="yes")
    return client.post(url, data)


def said(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def action_names(client, url):
    form = client.get(url).context["action_form"]
    return {value for value, _ in form.fields["action"].choices}


def last_comment(obj):
    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    return version.revision.comment, version.revision.user


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


@pytest.fixture
def items(series):
    return [PublicationFactory(series=series, title=f"Item {n}") for n in range(3)]


@pytest.fixture
def maritime(db):
    return CategoryFactory(name="Maritime Security", slug="maritime-security")


# Which actions ------------------------------------------------------------------------------


def test_actions_offered_follow_each_admins_settings(staff_client):
    publication_actions = action_names(staff_client, PUBLICATIONS)
    assert {
        "bulk_add_category",
        "bulk_remove_category",
        "bulk_add_tag",
        "bulk_remove_tag",
        "bulk_add_author",
        "bulk_remove_author",
        "export_csv",
    } <= publication_actions
    for url in (EVENTS, MEDIA):
        names = action_names(staff_client, url)
        assert "export_csv" in names
        assert not {n for n in names if n.startswith("bulk_")}


def test_view_only_staff_get_the_export_but_no_changes(client, db, items):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_publication"))
    client.force_login(user)
    names = action_names(client, PUBLICATIONS)
    assert "export_csv" in names and "bulk_add_tag" not in names
    forged = client.post(
        PUBLICATIONS,
        {"action": "bulk_add_tag", "_selected_action": [items[0].pk], "apply": "yes", "name": "X"},
    )
    assert forged.status_code in (302, 403)
    assert not items[0].tags.exists()


# Categories ---------------------------------------------------------------------------------


def test_add_a_category_to_many(staff_client, items, maritime):
    items[0].categories.add(maritime)
    generation = current_generation()
    page = staff_client.post(
        PUBLICATIONS,
        {"action": "bulk_add_category", "_selected_action": [i.pk for i in items]},
    )
    assert "Add a category" in page.content.decode()
    assert "Item 2" in page.content.decode()
    response = run(staff_client, PUBLICATIONS, "bulk_add_category", items, choice=maritime.pk)
    assert response.status_code == 302
    for item in items:
        assert list(item.categories.all()) == [maritime]
    message = said(response)
    assert "Added category “Maritime Security” to 2 items" in message
    assert "1 of the selected items needed no change" in message
    assert cache.get(GENERATION_KEY) != generation
    comment, user = last_comment(items[1])
    assert comment == "Added category “Maritime Security” (bulk)"
    assert user.is_superuser


def test_remove_a_category_from_many(staff_client, items, maritime):
    other = CategoryFactory(name="Economics", slug="economics")
    for item in items:
        item.categories.add(maritime, other)
    response = run(
        staff_client, PUBLICATIONS, "bulk_remove_category", items[:2], choice=maritime.pk
    )
    assert response.status_code == 302
    assert [set(i.categories.all()) for i in items] == [{other}, {other}, {maritime, other}]
    assert "Removed category “Maritime Security” from 2 items" in said(response)
    assert last_comment(items[0])[0] == "Removed category “Maritime Security” (bulk)"


@pytest.mark.parametrize("choice", ["", "999999", "not-a-number"])
def test_bad_category_choice_changes_nothing(staff_client, items, choice):
    response = run(staff_client, PUBLICATIONS, "bulk_add_category", items, choice=choice)
    assert response.status_code == 200
    assert response.context["form"].errors["choice"]
    assert not any(item.categories.exists() for item in items)


# Tags ---------------------------------------------------------------------------------------


def test_add_a_tag_reuses_an_existing_tag_whatever_its_capitals(staff_client, items):
    items[0].tags.add("ASEAN")
    response = run(staff_client, PUBLICATIONS, "bulk_add_tag", items, name="  asean ")
    assert response.status_code == 302
    assert Tag.objects.filter(name__iexact="asean").count() == 1
    for item in items:
        assert list(item.tags.names()) == ["ASEAN"]
    assert "Added tag “ASEAN” to 2 items" in said(response)
    assert last_comment(items[2])[0] == "Added tag “ASEAN” (bulk)"


def test_add_a_new_tag(staff_client, items):
    response = run(staff_client, PUBLICATIONS, "bulk_add_tag", items[:2], name="Maritime")
    assert response.status_code == 302
    assert [list(i.tags.names()) for i in items] == [["Maritime"], ["Maritime"], []]


@pytest.mark.parametrize("name", ["", "   ", "x" * 500, "one, two", 'say "hi"'])
def test_bad_tag_changes_nothing(staff_client, items, name):
    response = run(staff_client, PUBLICATIONS, "bulk_add_tag", items, name=name)
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not Tag.objects.exists()


def test_remove_a_tag(staff_client, items):
    for item in items:
        item.tags.add("ASEAN", "Russia")
    asean = Tag.objects.get(name="ASEAN")
    response = run(staff_client, PUBLICATIONS, "bulk_remove_tag", items[1:], choice=asean.pk)
    assert response.status_code == 302
    assert [sorted(i.tags.names()) for i in items] == [["ASEAN", "Russia"], ["Russia"], ["Russia"]]
    assert "Removed tag “ASEAN” from 2 items" in said(response)


def test_removing_a_tag_no_selected_item_has_is_refused(staff_client, items):
    unused = Tag.objects.create(name="Elsewhere")
    response = run(staff_client, PUBLICATIONS, "bulk_remove_tag", items, choice=unused.pk)
    assert response.status_code == 200
    assert response.context["form"].errors["choice"]


# Authors ------------------------------------------------------------------------------------


def test_add_an_author_at_the_end(staff_client, items):
    first, second, newcomer = (PersonFactory(name=n) for n in ("Ang", "Bala", "Chen"))
    AuthorshipFactory(publication=items[0], person=first, order=0)
    AuthorshipFactory(publication=items[0], person=second, order=1)
    AuthorshipFactory(publication=items[1], person=newcomer, order=0)
    response = run(staff_client, PUBLICATIONS, "bulk_add_author", items, choice=newcomer.pk)
    assert response.status_code == 302
    orders = [
        [(a.person.name, a.order) for a in item.authorships.order_by("order")] for item in items
    ]
    assert orders == [
        [("Ang", 0), ("Bala", 1), ("Chen", 2)],
        [("Chen", 0)],
        [("Chen", 0)],
    ]
    assert "Added author Chen to 2 items" in said(response)
    assert last_comment(items[0])[0] == "Added author Chen (bulk)"


def test_remove_an_author(staff_client, items):
    gone, stays = PersonFactory(name="Gone"), PersonFactory(name="Stays")
    for item in items:
        AuthorshipFactory(publication=item, person=gone, order=0)
        AuthorshipFactory(publication=item, person=stays, order=1)
    response = run(staff_client, PUBLICATIONS, "bulk_remove_author", items[:2], choice=gone.pk)
    assert response.status_code == 302
    names = [[a.person.name for a in i.authorships.all()] for i in items]
    assert names == [["Stays"], ["Stays"], ["Gone", "Stays"]]


def test_unknown_author_changes_nothing(staff_client, items):
    response = run(staff_client, PUBLICATIONS, "bulk_add_author", items, choice="424242")
    assert response.status_code == 200
    assert response.context["form"].errors["choice"]
    assert not any(item.authorships.exists() for item in items)


# Roles --------------------------------------------------------------------------------------


def test_editor_bulk_edits_published_items(editor_client, items, maritime):
    response = run(editor_client, PUBLICATIONS, "bulk_add_category", items, choice=maritime.pk)
    assert response.status_code == 302
    assert all(item.categories.exists() for item in items)


def test_contributor_bulk_edit_skips_published_items(contributor_client, contributor, series):
    published = PublicationFactory(series=series, title="Already out")
    drafts = [
        PublicationFactory(
            series=series, status="draft", code=None, title=f"Draft {n}", created_by=contributor
        )
        for n in range(2)
    ]
    Tag.objects.create(name="Ports")
    response = run(
        contributor_client, PUBLICATIONS, "bulk_add_tag", [published, *drafts], name="Ports"
    )
    assert response.status_code == 302
    assert not published.tags.exists()
    assert all(list(d.tags.names()) == ["Ports"] for d in drafts)
    message = said(response)
    assert "to 2 items" in message
    assert "Skipped 1 item(s) you may not change: “" in message and "Already out" in message


def test_contributor_may_not_add_a_new_tag_in_bulk(contributor_client, contributor, series):
    drafts = [
        PublicationFactory(
            series=series, status="draft", code=None, title=f"Draft {n}", created_by=contributor
        )
        for n in range(2)
    ]
    Tag.objects.create(name="ASEAN")
    response = run(contributor_client, PUBLICATIONS, "bulk_add_tag", drafts, name="Brand new")
    assert response.status_code == 200
    assert "There is no tag “Brand new”" in str(response.context["form"].errors)
    assert list(Tag.objects.values_list("name", flat=True)) == ["ASEAN"]
    assert not any(d.tags.exists() for d in drafts)

    response = run(contributor_client, PUBLICATIONS, "bulk_add_tag", drafts, name="asean")
    assert response.status_code == 302
    assert all(list(d.tags.names()) == ["ASEAN"] for d in drafts)
    assert Tag.objects.count() == 1


# CSV export ---------------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_export_publications(staff_client, series, maritime):
    item = PublicationFactory(series=series, title="Ports and Power", code="CO21113")
    item.categories.add(maritime)
    item.tags.add("Russia", "ASEAN")
    AuthorshipFactory(publication=item, person=PersonFactory(name="Tan Ah Kow"), order=0)
    AuthorshipFactory(publication=item, person=None, name="Jane Roe", order=1)
    draft = PublicationFactory(series=series, status="draft", code=None, title="Not yet")
    response = staff_client.post(
        PUBLICATIONS, {"action": "export_csv", "_selected_action": [item.pk, draft.pk]}
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="publications-')
    assert disposition.endswith('.csv"')
    rows = read_csv(response)
    assert rows[0] == [
        "Code",
        "Title",
        "Series",
        "Status",
        "Publication date",
        "Published at",
        "Authors",
        "Categories",
        "Tags",
        "URL",
    ]
    by_title = {row[1]: row for row in rows[1:]}
    assert set(by_title) == {"Ports and Power", "Not yet"}
    row = by_title["Ports and Power"]
    assert row[0] == "CO21113" and row[2] == "Commentaries" and row[3] == "Published"
    assert row[4] == "2021-07-26"
    assert row[6] == "Tan Ah Kow; Jane Roe"
    assert row[7] == "Maritime Security"
    assert row[8] == "ASEAN; Russia"
    assert row[9] == f"http://testserver{item.get_absolute_url()}"
    assert by_title["Not yet"][0] == "" and by_title["Not yet"][3] == "Draft"


def test_export_neutralises_formulas(staff_client, series):
    titles = ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "Plain = fine"]
    items = [PublicationFactory(series=series, title=t) for t in titles]
    response = staff_client.post(
        PUBLICATIONS, {"action": "export_csv", "_selected_action": [i.pk for i in items]}
    )
    exported = {row[1] for row in read_csv(response)[1:]}
    assert exported == {
        '\'=HYPERLINK("http://evil")',
        "'+1+1",
        "'-2",
        "'@SUM(A1)",
        "Plain = fine",
    }


def test_export_queries_do_not_grow_with_the_items(staff_client, series):
    def export(count):
        items = [PublicationFactory(series=series) for _ in range(count)]
        for item in items:
            item.tags.add("ASEAN")
            AuthorshipFactory(publication=item)
        data = {"action": "export_csv", "_selected_action": [i.pk for i in items]}
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.post(PUBLICATIONS, data).status_code == 200
        return len(queries)

    assert export(2) == export(6)


def test_export_events_and_media_items(staff_client, db):
    event = EventFactory(title="Ports Seminar", venue="Room 1")
    EventSpeakerFactory(event=event, person=PersonFactory(name="Speaker One"))
    rows = read_csv(
        staff_client.post(EVENTS, {"action": "export_csv", "_selected_action": [event.pk]})
    )
    assert rows[0][:3] == ["Title", "Kind", "Status"]
    assert rows[1][0] == "Ports Seminar" and "Speaker One" in rows[1]
    item = MediaItemFactory(title="On the radio", outlet="CNA")
    response = staff_client.post(MEDIA, {"action": "export_csv", "_selected_action": [item.pk]})
    assert 'filename="media-items-' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:4] == ["Title", "Kind", "Date", "Outlet"]
    assert rows[1][:4] == ["On the radio", "Media Highlights", "2021-07-12", "CNA"]


def test_select_across_applies_to_every_item_of_the_filtered_list(staff_client, series, maritime):
    drafts = [
        PublicationFactory(series=series, status="draft", code=None, title=f"Draft {n}")
        for n in range(3)
    ]
    published = PublicationFactory(series=series, title="Out")
    url = f"{PUBLICATIONS}?status__exact=draft"
    data = {"action": "bulk_add_category", "_selected_action": [drafts[0].pk], "select_across": "1"}
    page = staff_client.post(url, data)
    assert 'name="select_across" value="1"' in page.content.decode()
    assert "3 selected" in page.content.decode()
    response = staff_client.post(url, {**data, "apply": "yes", "choice": maritime.pk})
    assert response.status_code == 302
    assert all(d.categories.exists() for d in drafts)
    assert not published.categories.exists()
