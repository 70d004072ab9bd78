"""The admin's front page: my drafts, awaiting review, scheduled, recently published."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EventFactory, MediaItemFactory, PublicationFactory, SeriesFactory


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


def test_dashboard_queries_do_not_grow(
    editor_client, editor, series, django_assert_max_num_queries
):
    def page():
        with django_assert_max_num_queries(30) as captured:
            assert editor_client.get("/admin/").status_code == 200
        return len(captured)

    PublicationFactory(series=series, status="draft", created_by=editor)
    few = page()
    for number in range(20):
        PublicationFactory(series=series, status="draft", created_by=editor)
        PublicationFactory(series=series, status="review")
        EventFactory(status="review", slug=f"event-{number}")
    assert page() == few


def test_dashboard_needs_a_login(visitor, db):
    response = visitor.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
