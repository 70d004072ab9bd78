"""Each role's allowed and forbidden actions, through the admin and through forged requests."""

import datetime

import pytest
from django.contrib.auth.models import Group

from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication
from tests.events.test_admin import event_form
from tests.factories import (
    EventFactory,
    MediaItemFactory,
    MenuItemFactory,
    PublicationFactory,
    SeriesFactory,
)
from tests.newsroom.test_admin import item_form
from tests.publications.test_admin import publication_form

ADD_PUBLICATION = "/admin/publications/publication/add/"
PUBLICATIONS = "/admin/publications/publication/"


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


def codenames(role):
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def action_names(response):
    form = response.context["action_form"]
    return {value for value, _ in form.fields["action"].choices} if form else set()


def test_contributor_permissions_are_exactly_drafting(db):
    granted = codenames(CONTRIBUTOR)
    assert {
        "publications.add_publication",
        "publications.change_publication",
        "events.add_event",
        "newsroom.add_mediaitem",
        "library.add_image",
    } <= granted
    forbidden = {
        "publications.publish_publication",
        "publications.delete_publication",
        "events.publish_event",
        "events.delete_event",
        "newsroom.publish_mediaitem",
        "newsroom.delete_mediaitem",
        "navigation.change_menuitem",
        "auth.change_user",
        "core.change_sitesettings",
    }
    assert not granted & forbidden
    # Nothing outside the content they draft and what it points to.
    assert {name.split(".")[0] for name in granted} <= {
        "publications",
        "events",
        "newsroom",
        "library",
        "staff",
        "research",
        "taggit",
    }
    assert not {name for name in granted if name.split(".")[1].startswith("delete_")} - {
        "publications.delete_authorship",
        "events.delete_eventspeaker",
    }


def test_editor_has_all_content_but_not_users_or_site_settings(db):
    granted = codenames(EDITOR)
    assert {
        "publications.publish_publication",
        "publications.delete_publication",
        "events.publish_event",
        "newsroom.publish_mediaitem",
        "navigation.change_menuitem",
        "navigation.delete_menuitem",
        "taggit.delete_tag",
        "reversion.view_revision",
    } <= granted
    assert not {name for name in granted if name.split(".")[0] in {"auth", "core", "axes"}}


def test_administrator_manages_users_and_site_settings(db):
    granted = codenames(ADMINISTRATOR)
    assert {"auth.change_user", "auth.add_user", "core.change_sitesettings"} <= granted
    assert codenames(EDITOR) <= granted


# Contributors -------------------------------------------------------------------------------


def buttons(page):
    return [action.value for action in page.context["publishing"]["actions"]]


def test_contributor_is_offered_only_draft_and_review(contributor_client, series):
    response = contributor_client.get(ADD_PUBLICATION)
    assert response.status_code == 200
    assert "status" not in response.context["adminform"].form.fields
    assert buttons(response) == ["save", "submit"]
    assert "Publish now" not in response.content.decode()


def test_contributor_writes_a_draft_and_sends_it_for_review(
    contributor_client, contributor, series
):
    from taggit.models import Tag

    for name in ("Maritime", "ASEAN"):  # contributors choose among the editors' tags
        Tag.objects.create(name=name, slug=name.lower())
    response = contributor_client.post(ADD_PUBLICATION, publication_form(series, status="review"))
    assert response.status_code == 302
    item = Publication.objects.get(slug="ports-and-power")
    assert (item.status, item.code, item.created_by) == ("review", None, contributor)


@pytest.mark.parametrize("status", ["published", "scheduled", "withdrawn"])
def test_contributor_forging_a_release_gets_403(contributor_client, series, status):
    data = publication_form(
        series, status=status, published_at_0="2030-01-01", published_at_1="09:00"
    )
    response = contributor_client.post(ADD_PUBLICATION, data)
    assert response.status_code == 403
    assert not Publication.objects.exists()


def test_contributor_cannot_publish_an_existing_draft_by_forged_post(contributor_client, series):
    draft = PublicationFactory(series=series, status="draft", slug="ports-and-power")
    response = contributor_client.post(
        f"{PUBLICATIONS}{draft.pk}/change/", publication_form(series, status="published")
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_contributor_sees_no_publishing_or_delete_actions(contributor_client, series):
    PublicationFactory(series=series, status="draft")
    response = contributor_client.get(PUBLICATIONS)
    assert response.status_code == 200
    assert not action_names(response) & {"publish_now", "withdraw", "delete_selected"}


@pytest.mark.parametrize("action", ["publish_now", "withdraw", "delete_selected", "no_such"])
def test_contributor_forging_an_action_gets_403(contributor_client, series, action):
    draft = PublicationFactory(series=series, status="draft")
    response = contributor_client.post(
        PUBLICATIONS, {"action": action, "_selected_action": [str(draft.pk)], "post": "yes"}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert Publication.objects.filter(pk=draft.pk).exists()


def test_contributor_cannot_delete_even_a_draft(contributor_client, series):
    draft = PublicationFactory(series=series, status="draft")
    url = f"{PUBLICATIONS}{draft.pk}/delete/"
    assert contributor_client.get(url).status_code == 403
    assert contributor_client.post(url, {"post": "yes"}).status_code == 403
    assert Publication.objects.filter(pk=draft.pk).exists()


def test_contributor_may_only_read_a_published_item(contributor_client, series):
    item = PublicationFactory(series=series, status="published", title="Out already")
    url = f"{PUBLICATIONS}{item.pk}/change/"
    page = contributor_client.get(url)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert b'name="_save"' not in page.content
    forged = publication_form(series, title="Changed behind the editor's back", status="draft")
    assert contributor_client.post(url, forged).status_code == 403
    item.refresh_from_db()
    assert (item.title, item.status) == ("Out already", "published")


def test_contributor_cannot_publish_an_event(contributor_client):
    response = contributor_client.post("/admin/events/event/add/", event_form(status="published"))
    assert response.status_code == 403
    assert not Event.objects.exists()
    response = contributor_client.post("/admin/events/event/add/", event_form(status="review"))
    assert response.status_code == 302
    assert Event.objects.get().status == "review"


def test_contributor_cannot_publish_a_media_item(contributor_client, contributor):
    page = contributor_client.get("/admin/newsroom/mediaitem/add/")
    assert buttons(page) == ["save", "submit"]
    response = contributor_client.post("/admin/newsroom/mediaitem/add/", item_form())
    assert response.status_code == 403
    response = contributor_client.post("/admin/newsroom/mediaitem/add/", item_form(status="draft"))
    assert response.status_code == 302
    item = MediaItem.objects.get()
    assert (item.status, item.created_by) == ("draft", contributor)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/core/sitesettings/",
        "/admin/navigation/menuitem/add/",
    ],
)
def test_contributor_is_kept_out_of_users_settings_and_menu(contributor_client, url):
    assert contributor_client.get(url).status_code == 403


# Editors and administrators -----------------------------------------------------------------


def test_editor_publishes_withdraws_and_deletes(editor_client, series):
    response = editor_client.post(
        ADD_PUBLICATION, publication_form(series, status="published", publication_date="2021-08-02")
    )
    assert response.status_code == 302
    item = Publication.objects.get()
    assert (item.status, item.code) == ("published", "CO21001")
    listing = editor_client.get(PUBLICATIONS)
    assert {"publish_now", "withdraw", "delete_selected"} <= action_names(listing)
    editor_client.post(PUBLICATIONS, {"action": "withdraw", "_selected_action": [str(item.pk)]})
    item.refresh_from_db()
    assert item.status == "withdrawn"
    response = editor_client.post(f"{PUBLICATIONS}{item.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Publication.objects.exists()


def test_editor_schedules_an_item(editor_client, series):
    data = publication_form(
        series, status="scheduled", published_at_0="2031-01-05", published_at_1="08:00:00"
    )
    assert editor_client.post(ADD_PUBLICATION, data).status_code == 302
    item = Publication.objects.get()
    assert item.status == "scheduled"
    assert item.published_at == datetime.datetime(2031, 1, 5, tzinfo=datetime.UTC)
    listing = editor_client.get(PUBLICATIONS)
    assert "Scheduled for 05 Jan 2031 08:00 SGT" in listing.content.decode()


def test_editor_edits_the_menu_but_not_users_or_settings(editor_client, db):
    item = MenuItemFactory(title="About RSIS", slug="about-rsis")
    MenuItemFactory(title="Hidden page", slug="hidden-page", published=False)
    assert editor_client.get(f"/admin/navigation/menuitem/{item.pk}/change/").status_code == 200
    listing = editor_client.get("/admin/navigation/menuitem/").content.decode()
    assert listing.count("status--published") == 1 and listing.count("status--draft") == 1
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/core/sitesettings/").status_code == 403


def test_editor_publishes_events_and_media(editor_client):
    EventFactory(status="review", slug="talk")
    MediaItemFactory(status="draft", slug="clip")
    response = editor_client.post(
        "/admin/events/event/",
        {"action": "publish", "_selected_action": [str(Event.objects.get().pk)]},
    )
    assert response.status_code == 302
    assert Event.objects.get().status == "published"
    page = editor_client.get(f"/admin/newsroom/mediaitem/{MediaItem.objects.get().pk}/change/")
    assert buttons(page) == ["save", "submit", "publish"]


def test_administrator_manages_users_and_settings(administrator_client):
    assert administrator_client.get("/admin/auth/user/").status_code == 200
    assert administrator_client.get("/admin/auth/user/add/").status_code == 200
    assert administrator_client.get("/admin/core/sitesettings/").status_code == 200


def test_contributor_forging_a_library_deletion_gets_403(contributor_client):
    from library.models import Image
    from tests.library.conftest import saved_image

    image = saved_image(file_name="kept-safe.jpg")
    response = contributor_client.post(
        "/admin/library/image/",
        {"action": "delete_selected", "_selected_action": [str(image.pk)], "post": "yes"},
    )
    assert response.status_code == 403
    assert Image.objects.filter(pk=image.pk).exists()
