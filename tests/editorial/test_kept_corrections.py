"""A correction of a public item kept for later, then reviewed, shared, scheduled: the public
page changes only when it is published, by an editor or at its time."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from editorial import sharing
from editorial.models import PendingCorrection, ReviewComment, ReviewRequest
from tests.editorial.test_checks import page_form
from tests.editorial.test_publishing import buttons, change_url, press
from tests.factories import PublicationFactory, logged_in, member_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.SITE_URL = "https://www.rsis.example"


@pytest.fixture
def item(commentaries):
    return PublicationFactory(
        series=commentaries, status="published", code="CO21113", title="Ports",
        published_at=NOW - datetime.timedelta(days=30),
    )  # fmt: skip


@pytest.fixture
def second_editor(db):
    user = member_of("Editor", username="second", first_name="Ben", last_name="Ong")
    user.email = "ben@rsis.example"
    user.save()
    return user


def named(user, first, last, email):
    user.first_name, user.last_name, user.email = first, last, email
    user.save()
    return user


def public_title(visitor, item):
    page = visitor.get(item.get_absolute_url())
    assert page.status_code == 200
    return "Ports and Power" in page.content.decode()


def schedule(client, item, day, time, **changes):
    return press(client, item, "keep_schedule", _publish_date=day, _publish_time=time, **changes)


# Scheduled ---------------------------------------------------------------------------------


def test_a_scheduled_correction_goes_live_at_its_time(editor_client, editor, item, visitor,
                                                      time_machine):  # fmt: skip
    time_machine.move_to(NOW, tick=False)
    response = schedule(editor_client, item, "2026-05-05", "10:30", title="Ports and Power")
    assert response.status_code == 302
    kept = PendingCorrection.objects.get()
    assert kept.publish_at == datetime.datetime(2026, 5, 5, 2, 30, tzinfo=datetime.UTC)
    page = editor_client.get(change_url(item)).content.decode()
    assert "or, by itself, on 5 May 2026, 10:30 (Singapore time)" in page
    assert not public_title(visitor, item)

    call_command("publish_due_corrections")  # not yet
    item.refresh_from_db()
    assert item.title == "Ports" and PendingCorrection.objects.exists()

    time_machine.move_to(NOW + datetime.timedelta(days=1, hours=2))
    call_command("publish_due_corrections")
    item.refresh_from_db()
    assert item.title == "Ports and Power"
    assert item.status == "published" and item.code == "CO21113"
    assert not PendingCorrection.objects.exists()
    assert public_title(visitor, item)  # the cached page was dropped


@pytest.mark.parametrize(
    ("day", "time", "problem"),
    [
        ("", "", "give the date (and time)"),
        ("5 May", "10:00", "give the date (and time)"),
        ("2026-05-04", "25:00", "give the date (and time)"),
        ("2026-05-03", "10:00", "That time has passed"),
    ],
)
def test_a_correction_needs_a_time_to_come(editor_client, item, time_machine, day, time,
                                           problem):  # fmt: skip
    time_machine.move_to(NOW, tick=False)
    response = schedule(editor_client, item, day, time, title="Ports and Power")
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert response.context["adminform"].form["title"].value() == "Ports and Power"  # kept
    assert not PendingCorrection.objects.exists()


def test_a_scheduled_correction_that_no_longer_fits_stays_kept(editor_client, item,
                                                               time_machine):  # fmt: skip
    time_machine.move_to(NOW, tick=False)
    schedule(editor_client, item, "2026-05-05", "10:30", title="Ports and Power")
    kept = PendingCorrection.objects.get()
    kept.data["title"] = [""]  # a title is required
    kept.save()
    time_machine.move_to(NOW + datetime.timedelta(days=2))
    call_command("publish_due_corrections")
    item.refresh_from_db()
    assert item.title == "Ports"
    kept.refresh_from_db()
    assert kept.publish_at is None  # not tried again every minute; still kept


def test_a_scheduled_correction_of_an_editor_who_left_stays_kept(editor, editor_client, item,
                                                                 time_machine):  # fmt: skip
    time_machine.move_to(NOW, tick=False)
    schedule(editor_client, item, "2026-05-05", "10:30", title="Ports and Power")
    editor.is_active = False
    editor.save()
    time_machine.move_to(NOW + datetime.timedelta(days=2))
    call_command("publish_due_corrections")
    item.refresh_from_db()
    assert item.title == "Ports"
    assert PendingCorrection.objects.get().publish_at is None


# Reviewed ----------------------------------------------------------------------------------


def test_a_kept_correction_is_reviewed_sent_back_and_approved(
    editor, editor_client, second_editor, item, visitor, django_capture_on_commit_callbacks
):
    named(editor, "Eda", "Lim", "eda@rsis.example")
    page = editor_client.get(change_url(item))
    assert "keep_review" in buttons(page)
    assert [e.username for e in page.context["publishing"]["reviewers"]] == ["second", "editor"]
    with django_capture_on_commit_callbacks(execute=True):
        response = press(
            editor_client, item, "keep_review", title="Ports and Power",
            _reviewer=str(second_editor.pk), _review_note="A date was wrong.",
        )  # fmt: skip
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.title) == ("published", "Ports")  # still public, unchanged
    assert not public_title(visitor, item)
    assert [m.to for m in mail.outbox] == [["ben@rsis.example"]]

    second = logged_in(second_editor)
    dashboard = second.get("/admin/")
    waiting = [e for e in dashboard.context["dashboard"] if e["title"] == "Waiting for my review"]
    assert [row.title for row in waiting[0]["rows"]] == ["CO21113 | Ports"]
    form = second.get(change_url(item)).content.decode()
    assert "The kept correction is waiting for review by Ben Ong since" in form
    assert "Send back with comments" in form

    # Sent back: the correction stays kept, the item public.
    review_url = f"/admin/editorial/reviewrequest/publications/publication/{item.pk}/send-back/"
    response = second.post(review_url, {"review_comment": "Cite the source."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "published"
    assert PendingCorrection.objects.exists()
    mine = editor_client.get("/admin/")
    back = [e for e in mine.context["dashboard"] if e["title"] == "Sent back to me"]
    assert [row.title for row in back[0]["rows"]] == ["CO21113 | Ports"]

    # Asked again; the reviewer publishes it: approved, live, forgotten.
    press(editor_client, item, "keep_review", title="Ports and Power")
    assert press(second, item, "correct").status_code == 302
    item.refresh_from_db()
    assert item.title == "Ports and Power"
    assert public_title(visitor, item)
    assert not PendingCorrection.objects.exists()
    assert list(ReviewRequest.objects.order_by("created_at").values_list("state", flat=True)) == [
        "sent_back",
        "approved",
    ]
    kinds = list(ReviewComment.objects.order_by("created_at").values_list("kind", flat=True))
    assert kinds == ["submitted", "sent_back", "submitted", "approved"]


def test_discarding_a_correction_under_review_closes_the_review(editor_client, item):
    press(editor_client, item, "keep_review", title="Ports and Power")
    assert ReviewRequest.objects.get().state == "open"
    press(editor_client, item, "discard")
    assert ReviewRequest.objects.get().state == "discarded"
    assert not PendingCorrection.objects.exists()


def test_a_forged_reviewer_is_refused_and_nothing_is_kept(editor_client, contributor, item):
    response = press(
        editor_client, item, "keep_review", title="Ports and Power", _reviewer=str(contributor.pk)
    )
    assert response.status_code == 200
    assert "Choose a reviewer from the list" in response.content.decode()
    assert not PendingCorrection.objects.exists() and not ReviewRequest.objects.exists()


@pytest.mark.parametrize("action", ["keep", "keep_review", "keep_schedule", "discard"])
def test_contributors_cannot_keep_review_or_schedule_corrections(
    contributor_client, contributor, item, action
):
    response = contributor_client.post(
        change_url(item), {"_publish_action": action, "title": "Ports and Power"}
    )
    assert response.status_code == 403
    assert not PendingCorrection.objects.exists()


def test_keeping_over_a_newer_version_is_refused(editor_client, second_editor, item):
    opened = page_form(editor_client, change_url(item))  # the first editor opens it
    assert press(logged_in(second_editor), item, "correct", title="Ports (2)").status_code == 302
    opened.pop("_save", None)
    opened.update(_publish_action="keep", title="Ports and Power")
    response = editor_client.post(change_url(item), opened)
    assert response.status_code == 200
    assert "Someone else changed this item after you opened it" in response.content.decode()
    assert not PendingCorrection.objects.exists()


# Shared ------------------------------------------------------------------------------------


def test_a_share_link_shows_the_kept_correction(editor, editor_client, item, visitor,
                                                django_assert_max_num_queries):  # fmt: skip
    link = sharing.share_link_create(item=item, user=editor, days=7, note="Dr Tan")
    address = f"/review/{sharing.token_for(link)}/"
    assert visitor.get(address)["Location"] == item.get_absolute_url()  # nothing kept: public

    press(editor_client, item, "keep", title="Ports and Power")
    # The admin's own form applies the correction (then undone): ~70 queries, a few visits.
    with django_assert_max_num_queries(75):
        page = visitor.get(address)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ports and Power" in html
    assert "Preview shared by" in html
    assert page["Cache-Control"] == "private, no-store"
    item.refresh_from_db()
    assert item.title == "Ports"
    assert not public_title(visitor, item)  # showing it changed nothing public
    assert "sessionid" not in page.cookies  # the visitor got no session of the editor's

    press(editor_client, item, "discard")
    assert visitor.get(address)["Location"] == item.get_absolute_url()


def test_the_editors_preview_of_a_kept_correction_has_a_query_budget(
    editor_client, item, django_assert_max_num_queries
):
    press(editor_client, item, "keep", title="Ports and Power")
    with django_assert_max_num_queries(72):
        response = editor_client.get(f"/admin/publications/publication/{item.pk}/kept-correction/")
    html = response.content.decode()
    assert "Ports and Power" in html
    assert "Preview of a correction kept for later" in html
