"""An editor sees the page change beside the form as they type, before saving anything."""

import pytest
from playwright.sync_api import expect

from editorial.roles import EDITOR
from publications.models import Publication
from tests.factories import PublicationFactory, SeriesFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_types_a_title_and_sees_the_preview_change(live_server, sign_in):
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    member_of(EDITOR, username="checker")
    page = sign_in("checker")

    page.goto(live_server.url + "/admin/publications/publication/add/")
    pane = page.locator(".live-preview")
    shown = page.frame_locator(".live-preview__frame")
    expect(shown.get_by_text("Start writing")).to_be_visible()
    page.locator("#id_series").select_option(label="Commentaries")
    page.locator("#id_title").press_sequentially("Straits and Shipping Lanes")

    heading = shown.get_by_role("heading", level=1)
    expect(heading).to_have_text("Straits and Shipping Lanes")
    expect(shown.locator(".preview-banner")).to_contain_text("Preview — not saved.")
    page.locator("#id_title").press_sequentially(" in 2030")
    expect(heading).to_have_text("Straits and Shipping Lanes in 2030")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Navies watch closely.")
    expect(shown.get_by_text("Navies watch closely.")).to_be_visible()

    # The width switch: a pair of buttons, pressed one at a time, reached by keyboard.
    desktop = pane.get_by_role("button", name="Desktop")
    phone = pane.get_by_role("button", name="Phone")
    expect(desktop).to_have_attribute("aria-pressed", "true")
    phone.focus()
    page.keyboard.press("Enter")
    expect(phone).to_have_attribute("aria-pressed", "true")
    expect(desktop).to_have_attribute("aria-pressed", "false")
    assert page.locator(".live-preview__frame").evaluate("frame => frame.style.width") == "375px"

    # A problem is told in the pane, and the last good page stays.
    page.locator("#id_title").fill("")
    expect(pane.locator(".live-preview__problems")).to_contain_text("This field is required.")
    expect(heading).to_have_text("Straits and Shipping Lanes in 2030")
    assert not Publication.objects.exists()

    # An item already saved is shown at once.
    item = PublicationFactory(series=series, title="Ports and Power", status="draft")
    page.goto(live_server.url + f"/admin/publications/publication/{item.pk}/change/")
    expect(page.frame_locator(".live-preview__frame").get_by_role("heading", level=1)).to_have_text(
        "Ports and Power"
    )
