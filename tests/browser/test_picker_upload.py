"""An editor uploads a picture from inside the editor's picture window and puts it in a page."""

from contextlib import suppress

import pytest
from playwright.sync_api import Error, expect

from library.models import Image
from navigation.models import MenuItem
from tests.factories import UserFactory, jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_uploads_a_picture_in_the_picker_and_inserts_it(live_server, site_facts, sign_in):
    UserFactory(is_staff=True, is_superuser=True, username="chief")

    page = sign_in("chief")
    page.goto(live_server.url + "/admin/navigation/menuitem/add/")
    page.fill("#id_title", "Visit us")
    page.select_option("#id_kind", "page")

    page.locator(".prose-menubar [title='figure']").first.click()
    dialog = page.locator("dialog.prose-editor-dialog")
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Browse...").click()
    picker = popup_info.value
    picker.wait_for_load_state()
    expect(picker.get_by_text("The library has no images yet.")).to_be_visible()
    picker.get_by_label("Image:").set_input_files(
        {"name": "campus.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(640, 400)}
    )
    picker.get_by_role("textbox", name="Alternative text:").fill("The RSIS building at Nanyang")
    picker.get_by_label("Credit:").fill("RSIS")
    picker.get_by_label("Licence:").fill("CC BY 4.0")
    picker.get_by_role("button", name="Upload to the library").click()

    expect(picker.get_by_role("status")).to_contain_text("“campus” is now in the library")
    new = picker.locator(".library-picker__choice", has_text="campus")
    expect(new).to_be_focused()
    with picker.expect_event("close"), suppress(Error):
        picker.keyboard.press("Enter")  # the window closes itself once the picture is chosen

    image = Image.objects.get()
    expect(dialog.locator("input[name=altText]")).to_have_value("The RSIS building at Nanyang")
    expect(dialog.locator("input[name=imageUrl]")).to_have_value(image.body_address)
    dialog.get_by_role("button", name="Insert").click()
    page.locator("input[name=_save]").click()
    page.wait_for_url(live_server.url + "/admin/navigation/menuitem/")

    body = MenuItem.objects.get(slug="visit-us").body
    assert f'<img src="{image.body_address}" alt="The RSIS building at Nanyang"' in body
    assert "<figcaption>RSIS, CC BY 4.0</figcaption>" in body
