"""The admin's front page: waiting for my review, sent back to me, my drafts, awaiting review,
drafts without an author, scheduled, recently published."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    EventFactory,
    MediaItemFactory,
    PublicationFactory,
    SeriesFactory,
    logged_in,
)


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


def panel(response, title):
    for entry in response.context["dashboard"]:
        if entry["title"] == title:
            return [getattr(row.obj, "title", "") for row in entry["rows"]]
    raise AssertionError(f"no panel {title}")


def test_dashboard_panels_for_a_contributor(contributor_client, contributor, editor, series):
    PublicationFactory(series=series, status="draft", title="My draft", created_by=contributor)
    PublicationFactory(series=series, status="draft", title="Someone else's", created_by=editor)
    PublicationFactory(series=series, status="review", title="Sent", created_by=contributor)
    EventFactory(status="draft", title="My event", created_by=contributor)
    MediaItemFactory(status="draft", title="My clip", created_by=contributor)
    response = contributor_client.get("/admin/")
    assert response.status_code == 200
    assert set(panel(response, "My drafts")) == {"My draft", "Sent", "My event", "My clip"}
    assert panel(response, "Awaiting review") == ["Sent"]
    html = response.content.decode()
    assert "status--review" in html and "Awaiting review" in html


def test_dashboard_scheduled_in_site_time_and_recent(editor_client, series):
    when = timezone.now() + datetime.timedelta(days=2)
    PublicationFactory(series=series, status="scheduled", published_at=when, title="Soon")
    PublicationFactory(
        series=series,
        status="scheduled",
        published_at=when - datetime.timedelta(days=1),
        title="Sooner",
    )
    PublicationFactory(series=series, status="published", title="Out")
    PublicationFactory(series=series, status="withdrawn", title="Gone")
    response = editor_client.get("/admin/")
    assert panel(response, "Scheduled") == ["Sooner", "Soon"]
    assert "Out" in panel(response, "Recently published")
    assert "Gone" not in panel(response, "Recently published")
    local = timezone.localtime(when)
    assert f"{local:%H:%M} SGT" in response.content.decode()


def test_a_scheduled_time_is_shown_once_in_one_format(editor_client, series):
    when = timezone.make_aware(datetime.datetime(2031, 12, 3, 14, 5))
    PublicationFactory(series=series, status="scheduled", published_at=when, title="Later")
    html = editor_client.get("/admin/").content.decode()
    assert html.count("3 Dec 2031, 14:05 SGT") == 1
    assert "03 Dec 2031" not in html and "2:05" not in html


def test_a_draft_without_an_author_is_listed_for_editors(editor_client, contributor_client, series):
    PublicationFactory(series=series, status="draft", title="Imported draft", created_by=None)
    EventFactory(status="review", title="Orphan seminar", created_by=None)
    editor_page = editor_client.get("/admin/")
    assert set(panel(editor_page, "Drafts without an author")) == {
        "Imported draft",
        "Orphan seminar",
    }
    contributor_page = contributor_client.get("/admin/")
    titles = {entry["title"] for entry in contributor_page.context["dashboard"]}
    assert "Drafts without an author" not in titles
    assert "Waiting for my review" not in titles
    assert "Imported draft" not in contributor_page.content.decode()


def test_dashboard_queries_do_not_grow(
    editor_client, editor, contributor, series, django_assert_max_num_queries
):
    from editorial import review

    def page(client):
        with django_assert_max_num_queries(40) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    def reviewed(number):
        sent = PublicationFactory(series=series, status="draft", created_by=contributor)
        review.submit_for_review(item=sent, by=contributor, note=f"Note {number}")
        review.send_back(item=sent, by=editor, comment=f"Fix {number}")
        waiting = EventFactory(status="draft", slug=f"waiting-{number}", created_by=contributor)
        review.submit_for_review(item=waiting, by=contributor)
        PublicationFactory(series=series, status="draft", created_by=None)

    PublicationFactory(series=series, status="draft", created_by=editor)
    reviewed(0)
    author = logged_in(contributor)
    few, few_author = page(editor_client), page(author)
    for number in range(1, 12):
        PublicationFactory(series=series, status="draft", created_by=editor)
        PublicationFactory(series=series, status="review")
        EventFactory(status="review", slug=f"event-{number}")
        MediaItemFactory(status="draft", created_by=editor)
        reviewed(number)
    assert page(editor_client) == few
    assert page(author) == few_author
    many = editor_client.get("/admin/")
    assert len(panel(many, "Waiting for my review")) == 8
    assert len(panel(logged_in(contributor).get("/admin/"), "Sent back to me")) == 8


def test_dashboard_needs_a_login(visitor, db):
    response = visitor.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
