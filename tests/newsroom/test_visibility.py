"""Unpublished items are invisible to the public everywhere, and previewable by staff."""

import re

import feedparser
import pytest

from newsroom import queries
from newsroom.models import MediaItem
from newsroom.sitemaps import MediaSitemap
from tests.factories import MediaItemFactory


@pytest.fixture
def hidden(site_facts, release):
    """An unpublished release and an unpublished highlight, beside the public release."""
    draft = MediaItemFactory(
        kind="news-releases", title="Embargoed release", slug="embargoed", body="<p>Secret.</p>",
        status="draft",
    )  # fmt: skip
    coverage = MediaItemFactory(title="Hidden coverage", slug="hidden-coverage", status="draft")
    return {"draft": draft, "coverage": coverage}


def sitemap_locations():
    return [entry.location for entry in MediaSitemap().items()]


def test_unpublished_items_are_404_or_absent_everywhere(visitor, hidden):
    assert visitor.get("/media/news-releases/embargoed/").status_code == 404
    for url in ("/media/", "/media/news-releases/", "/media/highlights/"):
        html = visitor.get(url).content.decode()
        assert "Embargoed release" not in html and "Hidden coverage" not in html, url
    for url in ("/feeds/media/news-releases/rss/", "/feeds/media/highlights/atom/"):
        titles = [entry.title for entry in feedparser.parse(visitor.get(url).content).entries]
        assert "Embargoed release" not in titles and "Hidden coverage" not in titles, url
    assert "/media/news-releases/embargoed/" not in sitemap_locations()
    assert "/media/highlights/" not in sitemap_locations()  # no public highlight at all
    assert queries.latest_highlights(5) == []


def test_unpublishing_takes_an_item_down_at_once(visitor, release):
    url = release.get_absolute_url()
    assert visitor.get(url).status_code == 200
    release.status = "draft"
    release.save()
    assert visitor.get(url).status_code == 404
    assert "RSIS starts a programme" not in visitor.get("/media/news-releases/").content.decode()


def test_staff_preview_unpublished_pages(staff_client, hidden):
    response = staff_client.get("/media/news-releases/embargoed/")
    assert response.status_code == 200
    assert "<strong>Preview.</strong>" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_public_queryset_and_is_public_agree(hidden, release):
    public = set(MediaItem.objects.public())
    for item in MediaItem.objects.all():
        assert item.is_public() == (item in public)


def test_sitemap_lists_public_pages_and_lists_only(visitor, hidden, highlight, video):
    locations = sitemap_locations()
    assert locations == [
        "/media/",
        "/media/highlights/",
        "/media/news-releases/",
        "/media/videos/",
        "/media/news-releases/rsis-starts-a-programme/",
        "/media/videos/vidcast-russia-asean/",
    ]
    entries = {entry.location: entry.lastmod for entry in MediaSitemap().items()}
    assert entries["/media/videos/"] == video.updated_at


def test_sitemap_renders_through_django(hidden, rf, video):
    """The section renders as Django's sitemap view does, once the root sitemap lists it."""
    from django.contrib.sitemaps import views

    response = views.sitemap(rf.get("/sitemap-media.xml"), sitemaps={"media": MediaSitemap})
    response.render()
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert "http://testserver/media/videos/vidcast-russia-asean/" in locations
    assert "http://testserver/media/news-releases/embargoed/" not in locations
