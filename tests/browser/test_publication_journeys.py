import feedparser
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_goes_from_the_menu_to_a_commentary_its_author_and_their_feed(
    live_server, demo_content, page
):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Publications: show submenu").click()
    page.locator("#main-menu").get_by_role("link", name="Commentaries", exact=True).click()

    page.wait_for_url(live_server.url + "/publications/commentaries/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Commentaries")
    page.get_by_role(
        "link", name="Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    ).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "CO21113 | Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    )
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")
    expect(crumbs.nth(-2)).to_have_text("Commentaries")
    page.get_by_text("Cite this commentary").click()
    expect(page.locator(".cite__reference")).to_contain_text("Cheang, Chris.")

    page.locator(".publication__authors").get_by_role("link", name="Chris Cheang").click()
    page.wait_for_url(live_server.url + "/staff/people/chris-cheang/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chris Cheang")
    # The feed link opens the feeds page at his feed, with its addresses to copy.
    page.get_by_role("link", name="Follow Chris Cheang’s publications").click()
    page.wait_for_url("**/feeds/?feed=*")
    address = page.locator("#feed-chosen-rss").inner_text()
    assert address.endswith("/feeds/authors/chris-cheang/rss/")

    response = page.request.get(address)
    assert response.ok
    parsed = feedparser.parse(response.body())
    assert not parsed.bozo
    assert "CO21113 | Russia and Southeast Asia: What Lavrov’s July Visits Mean" in [
        entry.title for entry in parsed.entries
    ]
