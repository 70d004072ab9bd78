"""The public pages are valid HTML, as the Nu Html Checker (vnu.jar, from npm) sees them.

The pages are rendered from the demo content through the test client, written to files and
checked by one run of the checker (the JVM is slow to start). Without Java or the npm package
the test is skipped, unless ``REQUIRE_SERVICES`` or ``REQUIRE_BROWSER`` is set (as in CI).
"""

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from events.models import Event
from navigation.models import MenuItem
from newsroom.models import MediaItem
from publications.models import Category, Publication
from research.models import Centre
from staff.models import Person, StaffGroup
from tests.factories import EventFactory, SeriesFactory

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require_checker():
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        message = (
            "the Nu Html Checker needs Java and the npm package vnu-jar "
            "(apt-get install -y default-jre-headless npm; npm ci)"
        )
        if os.environ.get("REQUIRE_SERVICES") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return java


def public_pages(client):
    """Name → HTML of one page of each public kind, from the demo content."""
    person = Person.objects.public().order_by("slug").first()
    event = Event.objects.public().order_by("slug").first()
    page = MenuItem.objects.published().filter(kind=MenuItem.Kind.PAGE).exclude(body="").first()
    category = Category.objects.filter(parent__isnull=True).order_by("slug").first()
    publication = Publication.objects.public().get(code="CO21113")
    tag = publication.tags.order_by("slug").first()
    media = MediaItem.objects.public().order_by("slug").first()
    empty_series = SeriesFactory(name="Occasional Notes", item_name="Occasional Note")
    addresses = {
        "home": ("/", 200),
        "publications": ("/publications/", 200),
        "publication": ("/p/CO21113/", 200),
        "person": (person.get_absolute_url(), 200),
        "event": (event.get_absolute_url(), 200),
        "menu-page": (page.get_absolute_url(), 200),
        "events": ("/events/", 200),
        "feeds": ("/feeds/?feed=/feeds/series/commentaries/rss/%3Fyear%3D2021", 200),
        "search": ("/search/?q=security", 200),
        "subscribe": ("/subscribe/?series=commentaries&author=chris-cheang&events=1", 200),
        "category": (category.get_absolute_url(), 200),
        "not-found": ("/no-such-page/", 404),
        # Every other kind of public page.
        "publications-filtered": (f"/publications/?series={publication.series.slug}", 200),
        "series": (publication.series.get_absolute_url(), 200),
        "empty-series": (empty_series.get_absolute_url(), 200),
        "years": ("/publications/year/", 200),
        "year": (f"/publications/year/{publication.publication_date.year}/", 200),
        "tag": (f"/tags/{tag.slug}/", 200),
        "external": ("/external-publications/", 200),
        "external-years": ("/external-publications/year/", 200),
        "staff": ("/staff/", 200),
        "staff-group": (StaffGroup.objects.order_by("slug").first().get_absolute_url(), 200),
        "centre": (Centre.objects.order_by("slug").first().get_absolute_url(), 200),
        "media": ("/media/", 200),
        "media-kind": (f"/media/{media.kind}/", 200),
        "media-item": (media.get_absolute_url(), 200),
    }
    pages = {}
    for name, (address, status) in addresses.items():
        response = client.get(address, follow=True)
        assert response.status_code == status, (name, address, response.status_code)
        pages[name] = response.content.decode()
    assert "No items have been published in this series yet." in pages["empty-series"]
    return pages


def readable(messages):
    lines = []
    for message in messages:
        name = Path(message.get("url", "").removeprefix("file:")).name or "?"
        where = f"{name}:{message.get('lastLine', '?')}"
        extract = " ".join(message.get("extract", "").split())
        lines.append(f"{where}: {message['message']}\n    {extract}")
    return "\n".join(lines)


@pytest.fixture
def java():
    """The ``java`` program, once the checker is known to be there (before the demo loads)."""
    return require_checker()


def test_public_pages_have_no_html_errors(java, client, demo_content, tmp_path):
    files = []
    for name, html in public_pages(client).items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )

    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m.get("type") in {"error", "non-document-error"}]
    assert errors == [], "The Nu Html Checker found errors:\n" + readable(errors)


# The same rules, checked without the checker (so they hold on machines without Java too).

VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}"  # a date, or a date and time with its zone and whole seconds
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})"
)


def headings(html):
    body = html[html.index("<body") :]
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", body)]


def test_public_pages_follow_the_rules_the_checker_enforces(client, demo_content):
    pages = public_pages(client)

    for name, html in pages.items():
        for value in re.findall(r'<time datetime="([^"]*)"', html):
            assert VALID_DATETIME.fullmatch(value), (name, value)
        assert 'action=""' not in html, name
        assert 'href=""' not in html, name
        levels = headings(html)
        assert levels[:1] == [1], (name, levels)
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]  # noqa: B905
        assert skips == [], (name, levels)

    titles = {
        name: re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        for name, html in pages.items()
    }
    assert len(set(titles.values())) == len(titles), titles


def test_not_found_page_has_no_canonical_link(client, demo_content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Page not found | RSIS</title>" in html
    assert 'rel="canonical"' not in html
    # Other pages keep theirs.
    found = client.get("/publications/").content.decode()
    assert '<link rel="canonical" href="http://testserver/publications/">' in found


def test_times_are_given_to_the_second_at_most(client, site_facts):
    """Times saved with microseconds (every “last updated”, an event's start) are shown
    without them."""
    start = timezone.now().replace(microsecond=123456) + datetime.timedelta(days=3)
    event = EventFactory(start=start, registration_deadline=start - datetime.timedelta(days=1))
    html = client.get(event.get_absolute_url()).content.decode()
    updated = timezone.localtime(event.updated_at)
    assert f'Last updated on <time datetime="{updated:%Y-%m-%d}">{updated:%d/%m/%Y}</time>' in html
    local = timezone.localtime(start)
    assert f'<time datetime="{local:%Y-%m-%dT%H:%M:%S+08:00}">' in html
    assert ".123456" not in html
