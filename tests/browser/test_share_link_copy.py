"""An editor copies a share link's address with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from editorial import sharing
from tests.factories import PublicationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_copy_button_copies_the_whole_address_from_the_keyboard(
    live_server, site_facts, sign_in
):
    editor = UserFactory(is_staff=True, is_superuser=True, username="chief")
    draft = PublicationFactory(status="draft", code=None, published_at=None)
    link = sharing.share_link_create(item=draft, user=editor, days=3, note="Prof. Tan")
    page = sign_in("chief", permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/admin/editorial/sharelink/{link.pk}/change/")

    whole = f"{live_server.url}/review/{sharing.token_for(link)}/"
    address = page.locator(".copy-link__address")
    expect(address).to_have_text(whole)
    button = page.get_by_role("button", name="Copy link")
    expect(button).to_be_visible()
    box = address.bounding_box()
    assert box["x"] + box["width"] <= 1280  # shown whole, wrapped rather than cut

    button.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_have_text("Link copied: paste it into your message.")
    assert page.evaluate("navigator.clipboard.readText()") == whole
