import datetime
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from editorial.roles import CONTRIBUTOR, EDITOR
from publications.models import Publication
from tests.factories import CategoryFactory, SeriesFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_contributor_drafts_editor_previews_and_schedules_it_goes_out(
    live_server, browser, sign_in
):
    SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    CategoryFactory(name="Southeast Asia and ASEAN", slug="southeast-asia-and-asean")
    member_of(CONTRIBUTOR, username="writer")
    member_of(EDITOR, username="checker")

    # A contributor writes the draft with the editor and sends it for review.
    page = sign_in("writer")
    page.goto(live_server.url + "/admin/publications/publication/add/")
    page.get_by_label("Series").select_option(label="Commentaries")
    page.get_by_label("Title").press_sequentially("Straits and Shipping Lanes")
    expect(page.locator("#id_slug")).to_have_value("straits-and-shipping-lanes")
    page.get_by_label("Synopsis").fill("Why the region's sea lanes matter to everyone.")
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.type("Trade through the straits keeps growing.")
    page.keyboard.press("Enter")
    page.keyboard.type("Navies watch closely.")
    page.locator(".field-categories .select2-selection").click()
    page.locator(".field-categories .select2-search__field").fill("Southeast")
    page.locator(".select2-results__option", has_text="Southeast Asia and ASEAN").click()
    # A contributor is offered saving and submitting, nothing that publishes.
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    item = Publication.objects.get(slug="straits-and-shipping-lanes")
    assert item.status == "review"
    assert "<p>Trade through the straits keeps growing.</p>" in item.body
    page.context.close()

    # The public cannot see it.
    anonymous = browser.new_context()
    visitor = anonymous.new_page()
    address = live_server.url + item.get_absolute_url()
    assert visitor.goto(address).status == 404

    # An editor finds it awaiting review, previews it, then schedules it.
    page = sign_in("checker")
    review_panel = page.locator(
        ".dashboard__panel", has=page.get_by_role("heading", name="Awaiting review")
    )
    review_panel.get_by_role("link", name="Straits and Shipping Lanes").click()
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.locator(".preview-banner")).to_contain_text("Preview")
    expect(preview.get_by_role("heading", level=1)).to_contain_text("Straits and Shipping Lanes")
    expect(preview.get_by_text("Navies watch closely.")).to_be_visible()
    preview.close()

    goes_out = timezone.localtime() + datetime.timedelta(seconds=12)
    page.get_by_label("Date", exact=True).fill(goes_out.strftime("%Y-%m-%d"))
    page.get_by_label("Time (Singapore)").fill(goes_out.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was given to")
    item.refresh_from_db()
    assert item.status == "scheduled" and item.code
    page.context.close()

    # Before its time it is still hidden; once the time has passed it is public.
    assert visitor.goto(address).status == 404
    time.sleep(max(0.0, (goes_out - timezone.localtime()).total_seconds()) + 1)
    assert visitor.goto(address).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(
        f"{item.code} | Straits and Shipping Lanes"
    )
    anonymous.close()
