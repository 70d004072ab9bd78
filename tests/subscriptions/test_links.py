"""Each list links to the subscribe page with its own choice ticked."""

import re
from html import unescape

import pytest

from tests.factories import CategoryFactory, EventFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def email_link(client, address):
    html = client.get(address).content.decode()
    found = re.search(r'<a class="email-link" href="([^"]+)"', html)
    assert found, address
    return unescape(found.group(1))


def test_every_list_links_to_its_own_choice(client, site_facts, commentaries):
    category = CategoryFactory(name="Maritime Security", slug="maritime-security")
    person = PersonFactory(name="Chris Cheang", slug="chris-cheang")
    item = PublicationFactory(series=commentaries)
    item.categories.add(category)
    item.tags.add("ASEAN")
    item.authorships.create(person=person, order=0)
    EventFactory()
    expected = {
        "/publications/commentaries/": "series=commentaries",
        "/categories/maritime-security/": "category=maritime-security",
        "/tags/asean/": "tag=asean",
        "/events/": "events=1",
        "/publications/": "all=1",
        "/publications/?series=commentaries&tag=asean": "series=commentaries&tag=asean",
        "/staff/people/chris-cheang/": "author=chris-cheang",
    }
    for address, choice in expected.items():
        link = email_link(client, address)
        assert link.startswith(f"/subscribe/?{choice}"), (address, link)
        page = client.get(link)
        assert page.status_code == 200
    ticked = client.get(email_link(client, "/publications/commentaries/")).context["form"]
    assert [series.slug for series in ticked.initial["series"]] == ["commentaries"]


def test_lists_email_does_not_cover_have_no_email_link(client, site_facts, commentaries):
    PublicationFactory(series=commentaries)
    assert 'class="email-link"' not in client.get("/media/").content.decode()
    page = client.get("/feeds/").content.decode()
    assert "/subscribe/?series=commentaries&amp;from=%2Fpublications%2Fcommentaries%2F" in page
    assert "/subscribe/?events=1" in page


def test_feed_links_for_people_open_the_feeds_page(client, demo_content):
    for address in ("/", "/media/"):
        html = client.get(address).content.decode()
        links = re.findall(r'<a class="feed-link" href="([^"]+)"', html)
        assert links, address
        assert all(unescape(link).startswith("/feeds/?feed=%2Ffeeds%2F") for link in links), links
        for link in links:
            page = client.get(unescape(link))
            assert page.status_code == 200 and 'id="this-feed"' in page.content.decode()
    home = client.get("/").content.decode()
    assert "/subscribe/?series=" in home
