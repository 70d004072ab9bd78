"""An editor inserts a library image into a page body with the editor's picture dialog."""

from contextlib import suppress

import pytest
from playwright.sync_api import Error, expect

from navigation.models import MenuItem
from tests.factories import UserFactory
from tests.library.conftest import saved_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_inserts_a_library_image_with_its_alt_text(live_server, site_facts, sign_in):
    image = saved_image(title="Harbour at dawn", alt_text="Container cranes at dawn")
    UserFactory(is_staff=True, is_superuser=True, username="chief")

    page = sign_in("chief")
    page.goto(live_server.url + "/admin/navigation/menuitem/add/")
    page.fill("#id_title", "Visit us")  # the address fills itself in: visit-us
    page.select_option("#id_kind", "page")

    page.locator(".prose-menubar [title='figure']").first.click()
    dialog = page.locator("dialog.prose-editor-dialog")
    expect(dialog).to_be_visible()
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Browse...").click()
    picker = popup_info.value
    picker.wait_for_load_state()
    expect(picker.get_by_role("heading", name="Choose an image from the library")).to_be_visible()
    with picker.expect_event("close"), suppress(Error):  # the picker closes its own window
        picker.locator(".library-picker__choice", has_text="Harbour at dawn").click()

    expect(dialog.locator("input[name=altText]")).to_have_value("Container cranes at dawn")
    expect(dialog.locator("input[name=imageUrl]")).to_have_value(image.body_address)
    dialog.get_by_role("button", name="Insert").click()
    page.locator("input[name=_save]").click()
    page.wait_for_url(live_server.url + "/admin/navigation/menuitem/")

    body = MenuItem.objects.get(slug="visit-us").body
    assert f'<img src="{image.body_address}" alt="Container cranes at dawn"' in body
    assert "<figcaption>Reuters, Used with permission</figcaption>" in body
