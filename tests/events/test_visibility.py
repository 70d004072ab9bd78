"""Drafts are invisible on every public surface; cancelled and postponed events are not."""

import pytest

from tests.events.conftest import at
from tests.factories import EventFactory

SURFACES = [
    "/events/",
    "/events/?kind=seminar",
    "/events/calendar.ics",
    "/feeds/events/rss/",
    "/feeds/events/atom/",
    "/sitemap-events.xml",
]


@pytest.fixture
def events_sitemap(settings):
    """The events sitemap, served as the root sitemap will serve it once it is registered."""
    from django.contrib.sitemaps import views as sitemap_views
    from django.urls import path

    from events.sitemaps import EventSitemap
    from rsis_site import urls

    class URLConf:
        urlpatterns = [
            path(
                "sitemap-<section>.xml",
                sitemap_views.sitemap,
                {"sitemaps": {"events": EventSitemap}},
                name="django.contrib.sitemaps.views.sitemap",
            ),
            *urls.urlpatterns,
        ]

    settings.ROOT_URLCONF = URLConf


@pytest.fixture
def draft(clock, site_facts):
    EventFactory(title="Public Neighbour", slug="public-neighbour", start=at(3))
    return EventFactory(title="Secret Draft Event", slug="secret-draft-event", start=at(4),
                        status="draft")  # fmt: skip


def test_drafts_are_404_and_absent_everywhere(visitor, draft, events_sitemap):
    assert visitor.get("/events/secret-draft-event/").status_code == 404
    assert visitor.get("/events/secret-draft-event/event.ics").status_code == 404
    for url in SURFACES:
        response = visitor.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "public-neighbour" in content or "Public Neighbour" in content, url
        assert "Secret Draft Event" not in content, url
        assert "secret-draft-event" not in content, url


@pytest.mark.parametrize("status", ["cancelled", "postponed"])
def test_cancelled_and_postponed_events_stay_everywhere(visitor, draft, events_sitemap, status):
    draft.status = status
    draft.save()
    assert visitor.get("/events/secret-draft-event/").status_code == 200
    assert visitor.get("/events/secret-draft-event/event.ics").status_code == 200
    for url in SURFACES:
        assert "Secret Draft Event" in visitor.get(url).content.decode() or (
            "secret-draft-event" in visitor.get(url).content.decode()
        ), url


def test_sitemap_lists_the_list_and_public_events_with_last_modified(
    visitor, draft, events_sitemap
):
    xml = visitor.get("/sitemap-events.xml").content.decode()
    assert "<loc>http://testserver/events/</loc>" in xml
    assert "<loc>http://testserver/events/public-neighbour/</loc>" in xml
    assert "<lastmod>2026-03-02</lastmod>" in xml


def test_publishing_a_draft_shows_it_at_once(visitor, draft):
    from events.services import event_publish

    assert visitor.get("/events/secret-draft-event/").status_code == 404
    event_publish(event=draft)
    assert visitor.get("/events/secret-draft-event/").status_code == 200
    assert "Secret Draft Event" in visitor.get("/events/").content.decode()
