"""Publishing buttons instead of a status dropdown, refused saves over newer versions, and
who else has an item open."""

import datetime

import pytest
from django.utils import timezone

from editorial.roles import EDITOR
from events.models import Event
from publications.models import Publication
from tests.editorial.test_checks import page_form
from tests.factories import (
    CategoryFactory,
    EventFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    logged_in,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(db):
    return SeriesFactory(
        name="Commentaries", item_name="RSIS Commentary", slug="commentaries", code_prefix="CO",
        disclaimer="Views are the authors' own.",
    )  # fmt: skip


def change_url(item):
    return f"/admin/{item._meta.app_label}/{item._meta.model_name}/{item.pk}/change/"


def ready_draft(series, **fields):
    """A draft the pre-publish check lets through."""
    item = PublicationFactory(
        series=series, status="draft", code=None, published_at=None, synopsis="Why it matters.",
        body="<p>Text.</p>", **fields,
    )  # fmt: skip
    item.categories.add(CategoryFactory())
    item.authorships.create(person=PersonFactory(), order=0)
    return item


def buttons(page):
    return [action.value for action in page.context["publishing"]["actions"]]


def press(client, item, action, **changes):
    data = page_form(client, change_url(item))
    data.pop("_save", None)
    data.update({"_publish_action": action, **changes})
    return client.post(change_url(item), data)


def test_an_editor_is_offered_the_buttons_of_each_state(editor_client, series):
    draft = ready_draft(series)
    page = editor_client.get(change_url(draft))
    assert "status" not in page.context["adminform"].form.fields
    assert "published_at" not in page.context["adminform"].form.fields
    assert buttons(page) == ["save", "submit", "publish", "schedule"]
    text = page.content.decode()
    assert "It will be given the code CO" in text and "Singapore time" in text
    published = PublicationFactory(series=series, status="published", code="CO21113")
    page = editor_client.get(change_url(published))
    assert buttons(page) == ["correct", "keep", "keep_review", "keep_schedule", "withdraw", "draft"]
    assert "the public page shows them at once" in page.content.decode()


def test_publish_now_gives_the_code_and_says_so(editor_client, series):
    draft = ready_draft(series, publication_date=datetime.date(2026, 3, 2))
    response = press(editor_client, draft, "publish")
    assert response.status_code == 302
    assert response["Location"] == change_url(draft)  # the editor stays on the item
    draft.refresh_from_db()
    assert (draft.status, draft.code) == ("published", "CO26001")
    assert draft.is_public()
    messages = [str(m) for m in editor_client.get(change_url(draft)).context["messages"]]
    assert any("It is on the public site now." in m for m in messages)


def test_schedule_takes_a_singapore_time_and_refuses_a_past_one(editor_client, series):
    draft = ready_draft(series)
    soon = timezone.localtime() + datetime.timedelta(days=2)
    response = press(
        editor_client, draft, "schedule",
        _publish_date=soon.strftime("%Y-%m-%d"), _publish_time="14:05",
    )  # fmt: skip
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "scheduled"
    assert timezone.localtime(draft.published_at).strftime("%H:%M") == "14:05"
    assert draft.published_at.utcoffset() is not None and not draft.is_public()

    other = ready_draft(series, slug="other")
    response = press(editor_client, other, "schedule", _publish_date="2020-01-01")
    assert response.status_code == 200
    assert "That time has passed" in response.content.decode()
    response = press(editor_client, other, "schedule", _publish_date="not a date")
    assert "give the date" in response.content.decode()
    other.refresh_from_db()
    assert other.status == "draft"


def test_withdraw_and_back_to_draft(editor_client, series):
    item = PublicationFactory(series=series, status="published", code="CO21113")
    assert press(editor_client, item, "withdraw").status_code == 302
    item.refresh_from_db()
    assert item.status == "withdrawn" and item.code == "CO21113"
    assert press(editor_client, item, "draft").status_code == 302
    item.refresh_from_db()
    assert item.status == "draft"


def test_publishing_checks_run_for_the_button(editor_client, series):
    draft = PublicationFactory(series=series, status="draft", code=None, published_at=None,
                               synopsis="")  # fmt: skip
    response = press(editor_client, draft, "publish")
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert press(editor_client, draft, "save").status_code == 302  # a draft may be incomplete


@pytest.mark.parametrize("action", ["publish", "schedule", "withdraw", "correct", "draft", "nope"])
def test_a_contributor_forging_any_editor_button_gets_403(
    contributor_client, contributor, series, action
):
    mine = PublicationFactory(series=series, status="draft", code=None, published_at=None,
                              created_by=contributor)  # fmt: skip
    data = page_form(contributor_client, change_url(mine))
    data.update(_publish_action=action, _publish_date="2030-01-01")
    assert contributor_client.post(change_url(mine), data).status_code == 403
    mine.refresh_from_db()
    assert mine.status == "draft"
    add = page_form(contributor_client, "/admin/publications/publication/add/")
    add.update(_publish_action=action, title="Forged", slug="forged", series=str(series.pk))
    response = contributor_client.post("/admin/publications/publication/add/", add)
    assert response.status_code == 403
    assert not Publication.objects.filter(slug="forged").exists()


def test_a_contributor_submits_for_review(contributor_client, contributor, series):
    mine = PublicationFactory(series=series, status="draft", code=None, published_at=None,
                              created_by=contributor)  # fmt: skip
    page = contributor_client.get(change_url(mine))
    assert buttons(page) == ["save", "submit"]
    assert press(contributor_client, mine, "submit").status_code == 302
    mine.refresh_from_db()
    assert mine.status == "review"


def test_events_have_their_own_buttons(editor_client, contributor_client):
    event = EventFactory(status="published")
    page = editor_client.get(change_url(event))
    assert buttons(page) == [
        "correct",
        "keep",
        "keep_review",
        "keep_schedule",
        "withdraw",
        "cancel",
        "postpone",
        "draft",
    ]
    assert press(editor_client, event, "cancel").status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert "reinstate" in buttons(editor_client.get(change_url(event)))
    assert press(editor_client, event, "reinstate").status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_a_save_over_a_newer_version_is_refused_and_keeps_what_was_typed(
    editor_client, editor, series
):
    """Editor A has the item open; editor B withdraws it from the list; A fixes a typo and
    saves: refused, the typo fix still in the form, the item still withdrawn."""
    item = PublicationFactory(series=series, status="published", code="CO21113", title="Ports")
    opened = page_form(editor_client, change_url(item))  # A opens it

    other = logged_in(member_of(EDITOR, username="other-editor"))
    response = other.post(
        "/admin/publications/publication/",
        {"action": "withdraw", "_selected_action": [str(item.pk)]},
    )
    assert response.status_code == 302

    opened.pop("_save", None)
    opened.update(title="Ports and Power", _publish_action="correct")
    response = editor_client.post(change_url(item), opened)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Someone else changed this item after you opened it" in text
    assert 'value="Ports and Power"' in text  # nothing typed is lost
    item.refresh_from_db()
    assert (item.status, item.title) == ("withdrawn", "Ports")

    # Saving again, knowingly, from the form as it was shown: kept.
    again = page_form_from(response)
    again.update(title="Ports and Power", _publish_action="save")
    assert editor_client.post(change_url(item), again).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.title) == ("withdrawn", "Ports and Power")


def page_form_from(response):
    from tests.editorial.test_checks import _FormReader

    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {k: v if len(v) != 1 else v[0] for k, v in reader.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_the_page_says_who_else_has_it_open(editor_client, series):
    item = PublicationFactory(series=series, status="draft", code=None, published_at=None)
    other = logged_in(member_of(EDITOR, username="lim", first_name="Lim", last_name="Wei"))
    assert "Also open by" not in other.get(change_url(item)).content.decode()
    page = editor_client.get(change_url(item)).content.decode()
    assert "Also open by Lim Wei" in page


def test_submit_asks_the_chosen_editor_and_publishing_approves(
    contributor_client, contributor, editor_client, series, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from editorial import review

    chosen = member_of(EDITOR, username="tan", email="tan@example.org")
    member_of(EDITOR, username="lee", email="lee@example.org")  # not asked
    mine = ready_draft(series, created_by=contributor)
    with django_capture_on_commit_callbacks(execute=True):
        response = press(contributor_client, mine, "submit", _reviewer=str(chosen.pk),
                         _review_note="Please check the figures.")  # fmt: skip
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "review"
    assert [message.to for message in mailoutbox] == [["tan@example.org"]]
    assert "Please check the figures." in mailoutbox[0].body
    assert review.open_request(mine).reviewer == chosen

    assert press(editor_client, mine, "publish").status_code == 302
    mine.refresh_from_db()
    assert mine.status == "published"
    assert review.open_request(mine) is None
    assert review.latest_request(mine).state == "approved"


def test_a_reviewer_who_is_not_an_editor_is_refused(contributor_client, contributor, series):
    mine = ready_draft(series, created_by=contributor)
    response = press(contributor_client, mine, "submit", _reviewer=str(contributor.pk))
    assert response.status_code == 200
    assert "Choose a reviewer from the list" in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == "draft"


def test_a_contributor_neither_sees_nor_sets_a_code(contributor_client, contributor, series):
    page = contributor_client.get("/admin/publications/publication/add/")
    assert "code" not in page.context["adminform"].form.fields
    data = page_form(contributor_client, "/admin/publications/publication/add/")
    data.update(title="Mine", slug="mine", series=str(series.pk), code="CO21999")
    assert contributor_client.post("/admin/publications/publication/add/", data).status_code == 302
    assert Publication.objects.get(slug="mine").code is None


def test_a_correction_kept_for_later_leaves_the_public_page_alone(editor_client, series, visitor):
    from editorial.models import PendingCorrection

    item = PublicationFactory(series=series, status="published", code="CO21113", title="Ports")
    address = item.get_absolute_url()
    page = editor_client.get(change_url(item))
    assert buttons(page) == ["correct", "keep", "keep_review", "keep_schedule", "withdraw", "draft"]
    response = press(editor_client, item, "keep", title="Ports and Power")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Ports"  # the public page is unchanged
    assert "Ports and Power" not in visitor.get(address).content.decode()
    assert PendingCorrection.objects.count() == 1

    # Whoever opens it next sees the kept changes in the form, and a note saying so.
    page = editor_client.get(change_url(item))
    assert page.context["adminform"].form["title"].value() == "Ports and Power"
    assert "This form shows a correction kept for later" in page.content.decode()
    assert buttons(page) == [
        "correct",
        "keep",
        "keep_review",
        "keep_schedule",
        "discard",
        "withdraw",
        "draft",
    ]
    item.refresh_from_db()
    assert item.title == "Ports"  # showing it changed nothing

    # Publishing the correction puts it live and forgets it.
    assert press(editor_client, item, "correct").status_code == 302
    item.refresh_from_db()
    assert item.title == "Ports and Power"
    assert "Ports and Power" in visitor.get(address).content.decode()
    assert PendingCorrection.objects.count() == 0


def test_a_kept_correction_can_be_discarded_and_is_checked_like_a_save(editor_client, series):
    from editorial.models import PendingCorrection

    item = PublicationFactory(series=series, status="published", code="CO21113", title="Ports")
    response = press(editor_client, item, "keep", title="")
    assert response.status_code == 200  # a title is required: nothing kept
    assert PendingCorrection.objects.count() == 0
    assert press(editor_client, item, "keep", title="Kept").status_code == 302
    assert press(editor_client, item, "discard").status_code == 302
    assert PendingCorrection.objects.count() == 0
    assert editor_client.get(change_url(item)).context["adminform"].form["title"].value() == (
        "Ports"
    )


def test_a_contributor_cannot_keep_or_discard_corrections(contributor_client, contributor, series):
    mine = PublicationFactory(series=series, status="draft", code=None, published_at=None,
                              created_by=contributor)  # fmt: skip
    for action in ("keep", "discard"):
        data = page_form(contributor_client, change_url(mine))
        data.update(_publish_action=action)
        assert contributor_client.post(change_url(mine), data).status_code == 403


def test_a_scheduled_item_whose_time_has_come_offers_a_correction(editor_client, series):
    item = PublicationFactory(
        series=series, status="scheduled", code="CO21113",
        published_at=timezone.now() - datetime.timedelta(minutes=5),
    )  # fmt: skip
    assert buttons(editor_client.get(change_url(item)))[0] == "correct"
    assert "publish" not in buttons(editor_client.get(change_url(item)))


def test_a_kept_correction_is_previewed_by_editors_only(
    editor_client, contributor_client, series, visitor
):
    item = PublicationFactory(series=series, status="published", code="CO21113", title="Ports")
    preview = f"/admin/publications/publication/{item.pk}/kept-correction/"
    assert editor_client.get(preview).status_code == 404  # nothing kept yet
    press(editor_client, item, "keep", title="Ports and Power")
    page = editor_client.get(change_url(item)).content.decode()
    assert preview in page
    response = editor_client.get(preview)
    assert response.status_code == 200
    assert "Ports and Power" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    item.refresh_from_db()
    assert item.title == "Ports"
    assert "Ports and Power" not in visitor.get(item.get_absolute_url()).content.decode()
    assert contributor_client.get(preview).status_code == 403
    assert visitor.get(preview).status_code == 302  # to the sign-in page
