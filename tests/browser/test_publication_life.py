"""The whole life of a publication, through a real browser, for each role: written with the
editor (a heading, a link, a library picture), submitted, sent back with a comment, fixed,
resubmitted, approved by scheduling, out at its time, corrected, withdrawn.

Every click and every page load of the staff is counted; the figures are printed so that they
can be set beside the same life in other systems (the closing note of the editing work).
"""

import datetime
from contextlib import suppress

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from playwright.sync_api import Error, expect

from editorial.roles import CONTRIBUTOR, EDITOR
from publications.models import Publication
from tests.factories import CategoryFactory, SeriesFactory, member_of
from tests.library.conftest import saved_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # Two people and the live preview's rolled-back saves at once: the test server's threads
    # share one SQLite database, whose table locks make them wait on each other.
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="several editors at once need PostgreSQL"
    ),
]


class Counted:
    """A signed-in page whose clicks and page loads (after signing in) are counted."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url, self.clicks, self.loads = base_url, 0, 0
        self.page.on("load", self._loaded)

    def _loaded(self, _page):
        self.loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def settle(self):
        """Wait until the page has made its requests (the live preview's among them), so that
        the test reads the database when the server does not hold it (SQLite locks tables)."""
        self.page.wait_for_load_state("networkidle")

    def go(self, path):
        self.page.goto(self.base_url + path)

    def open_from_dashboard(self, panel, title):
        self.go("/admin/")
        section = self.page.locator(
            ".dashboard__panel", has=self.page.get_by_role("heading", name=panel)
        )
        self.click(section.get_by_role("link", name=title))


def test_the_life_of_a_publication(live_server, browser, sign_in, mailoutbox, capsys):
    SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO",
                  disclaimer="The authors' views are their own.")  # fmt: skip
    CategoryFactory(name="Southeast Asia and ASEAN", slug="southeast-asia-and-asean")
    saved_image(title="Harbour at dawn", alt_text="Container cranes at dawn")
    member_of(CONTRIBUTOR, username="writer", email="writer@example.org")
    member_of(EDITOR, username="checker", email="checker@example.org")
    title = "Straits and Shipping Lanes"

    # The writer writes it with the editor: a heading, a link, a library picture.
    writer = Counted(sign_in("writer"), live_server.url)
    page = writer.page
    writer.click(page.locator("tr.model-publication a.addlink").first)
    page.get_by_label("Series").select_option(label="Commentaries")
    page.get_by_label("Title").press_sequentially(title)
    page.locator("#id_synopsis").fill("Why the region's sea lanes matter.")
    writer.click(page.locator(".field-body [contenteditable=true]"))
    page.keyboard.type("## Trade keeps growing")
    page.keyboard.press("Enter")
    page.keyboard.type("Figures from https://www.mpa.gov.sg/ show it. ")
    writer.click(page.locator(".prose-menubar [title='figure']").first)
    dialog = page.locator("dialog.prose-editor-dialog")
    with page.expect_popup() as popup:
        writer.click(dialog.get_by_role("button", name="Browse..."))
    picker = popup.value
    picker.wait_for_load_state()
    # The picker closes its own window once the picture is chosen, maybe before the click
    # returns.
    with picker.expect_event("close"), suppress(Error):
        writer.click(picker.locator(".library-picker__choice", has_text="Harbour at dawn"))
    writer.click(dialog.get_by_role("button", name="Insert"))
    writer.click(page.locator(".field-categories .select2-selection"))
    page.locator(".field-categories .select2-search__field").fill("Southeast")
    writer.click(page.locator(".select2-results__option", has_text="Southeast Asia and ASEAN"))
    writer.click(page.get_by_role("button", name="Submit for review"))
    expect(page.locator(".messagelist")).to_contain_text("asked to review it")
    writer.settle()
    assert list(Publication.objects.values_list("title", flat=True)) == [title]
    item = Publication.objects.get()
    assert item.status == "review"
    assert "<h2>Trade keeps growing</h2>" in item.body
    assert 'href="https://www.mpa.gov.sg/"' in item.body and 'alt="Container cranes' in item.body

    # The editor reads it and sends it back with a comment.
    checker = Counted(sign_in("checker"), live_server.url)
    page = checker.page
    checker.open_from_dashboard("Waiting for my review", title)
    page.get_by_label("Your comment").fill("Please give the source of the figures.")
    checker.click(page.get_by_role("button", name="Send back with comments"))
    expect(page.locator(".review-panel")).to_contain_text("Please give the source")
    checker.settle()
    item.refresh_from_db()
    assert item.status == "draft"

    # The writer finds it sent back, fixes it and submits it again.
    page = writer.page
    writer.open_from_dashboard("Sent back to me", title)
    page.locator("#id_synopsis").fill("Why the region's sea lanes matter, in figures.")
    writer.click(page.get_by_role("button", name="Submit for review"))
    expect(page.locator(".messagelist")).to_contain_text("asked to review it")

    # The editor approves it by scheduling it a few minutes ahead.
    page = checker.page
    checker.open_from_dashboard("Waiting for my review", title)
    goes_out = timezone.localtime() + datetime.timedelta(minutes=3)
    page.get_by_label("Date", exact=True).fill(goes_out.strftime("%Y-%m-%d"))
    page.get_by_label("Time (Singapore)").fill(goes_out.strftime("%H:%M"))
    checker.click(page.get_by_role("button", name="Schedule", exact=True))
    expect(page.locator(".messagelist")).to_contain_text("It goes on the site on")
    checker.settle()
    item.refresh_from_db()
    assert item.status == "scheduled" and item.code

    # Hidden until its time, public from then on.
    visitor = browser.new_context().new_page()
    address = live_server.url + item.get_absolute_url()
    assert visitor.goto(address).status == 404
    with time_machine.travel(item.published_at + datetime.timedelta(minutes=1), tick=True):
        assert visitor.goto(address).status == 200
        expect(visitor.get_by_role("heading", level=1)).to_contain_text(title)

        # A correction, then the withdrawal (the editor opens the item again: it is out now).
        page.reload()
        page.get_by_label("Title").fill(f"{title} in 2027")
        checker.click(page.get_by_role("button", name="Publish correction"))
        expect(page.locator(".messagelist")).to_contain_text("The public page shows")
        checker.settle()
        # A browser may keep the page it has for a minute (max-age): a reload asks again.
        visitor.reload()
        expect(visitor.get_by_role("heading", level=1)).to_contain_text("in 2027")
        checker.click(page.get_by_role("button", name="Withdraw"))
        expect(page.locator(".messagelist")).to_contain_text("off the public site")
        checker.settle()
        assert visitor.reload().status == 410

    assert {message.to[0] for message in mailoutbox} >= {"writer@example.org"}
    with capsys.disabled():
        print(
            f"\nThe life of a publication: writer {writer.clicks} clicks, {writer.loads} page "
            f"loads; editor {checker.clicks} clicks, {checker.loads} page loads; in all "
            f"{writer.clicks + checker.clicks} clicks, {writer.loads + checker.loads} loads."
        )
