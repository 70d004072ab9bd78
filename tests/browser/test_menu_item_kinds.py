"""In a real browser, the menu item form shows the fields of the kind chosen as it changes."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_fields_follow_the_kind_chosen(live_server, site_facts, sign_in):
    UserFactory(is_staff=True, is_superuser=True, username="chief")
    page = sign_in("chief")
    page.goto(live_server.url + "/admin/navigation/menuitem/add/")

    summary, section, address = (
        page.locator("#id_summary"),
        page.locator("#id_section"),
        (page.locator("#id_url")),
    )
    expect(summary).to_be_visible()
    expect(section).to_be_hidden()
    expect(address).to_be_hidden()

    page.select_option("#id_kind", "url")
    expect(address).to_be_visible()
    expect(summary).to_be_hidden()
    expect(section).to_be_hidden()

    page.select_option("#id_kind", "section")
    expect(section).to_be_visible()
    expect(address).to_be_hidden()

    page.select_option("#id_kind", "page")
    expect(summary).to_be_visible()
    expect(section).to_be_hidden()
