"""The mega-menu with a keyboard (Tab, Enter, Space, Escape, arrow keys) and a pointer."""

import pytest
from playwright.sync_api import expect

from .test_navigation_journeys import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ABOUT_PANEL_LINKS = [
    "/about-rsis/introduction/",
    "/about-rsis/building-the-foundations/",
    "/about-rsis/welcome-message/",
]


def focused_href(page):
    return page.evaluate("document.activeElement.getAttribute('href')")


def test_arrow_keys_move_between_top_level_items_and_through_a_panel(
    live_server, demo_content, page
):
    page.goto(live_server.url + "/")
    top_links = page.locator("#main-menu > li > .menu__link")
    hrefs = [top_links.nth(i).get_attribute("href") for i in range(top_links.count())]
    tab_to(page, "#main-menu a.menu__link[href='/']")

    page.keyboard.press("ArrowRight")
    assert focused_href(page) == "/about-rsis/"
    page.keyboard.press("ArrowRight")
    assert focused_href(page) == "/research/"
    page.keyboard.press("ArrowLeft")
    assert focused_href(page) == "/about-rsis/"
    page.keyboard.press("End")
    assert focused_href(page) == hrefs[-1]
    page.keyboard.press("ArrowRight")  # wraps round to the first item
    assert focused_href(page) == hrefs[0]
    page.keyboard.press("ArrowLeft")
    assert focused_href(page) == hrefs[-1]
    page.keyboard.press("Home")
    assert focused_href(page) == hrefs[0]

    page.keyboard.press("ArrowRight")
    toggle = page.get_by_role("button", name="About RSIS: show submenu")
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(panel).to_be_hidden()
    page.keyboard.press("ArrowDown")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(panel).to_be_visible()
    assert focused_href(page) == ABOUT_PANEL_LINKS[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused_href(page) == ABOUT_PANEL_LINKS[2]
    page.keyboard.press("ArrowUp")
    assert focused_href(page) == ABOUT_PANEL_LINKS[1]
    page.keyboard.press("End")
    last = panel.locator("a").last.get_attribute("href")
    assert focused_href(page) == last
    page.keyboard.press("ArrowDown")  # stays on the last link
    assert focused_href(page) == last
    page.keyboard.press("Home")
    assert focused_href(page) == ABOUT_PANEL_LINKS[0]
    page.keyboard.press("ArrowUp")  # from the first link back up to the toggle
    expect(toggle).to_be_focused()
    expect(panel).to_be_visible()

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")  # leaves the panel for the next top-level item
    assert focused_href(page) == "/research/"
    expect(panel).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    research = page.get_by_role("button", name="Research: show submenu")
    expect(research).to_be_focused()
    expect(research).to_have_attribute("aria-expanded", "false")


def test_space_and_enter_open_a_panel_and_escape_closes_it(live_server, demo_content, page):
    page.goto(live_server.url + "/about-rsis/")
    toggle = page.get_by_role("button", name="Publications: show submenu")
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    tab_to(page, f"button[aria-controls='{toggle.get_attribute('aria-controls')}']")

    page.keyboard.press("Space")
    expect(panel).to_be_visible()
    page.keyboard.press("Space")
    expect(panel).to_be_hidden()
    page.keyboard.press("Enter")
    expect(panel).to_be_visible()
    page.keyboard.press("Tab")
    expect(panel.locator("a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()

    # Tab out of an open panel closes it.
    page.keyboard.press("Enter")
    tab_to(page, ".menu__link[href='/media/']")
    expect(panel).to_be_hidden()


def test_a_panel_opened_by_the_pointer_closes_on_escape(live_server, demo_content, page):
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Research: show submenu")
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))

    page.locator(".menu__link[href='/research/']").hover()
    expect(panel).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # It opens again when the pointer comes back, and closes when the pointer leaves.
    page.mouse.move(5, 600)
    page.locator(".menu__link[href='/research/']").hover()
    expect(panel).to_be_visible()
    page.mouse.move(5, 600)
    expect(panel).to_be_hidden()

    # Clicking the toggle of a panel the pointer opened keeps it open.
    toggle.hover()
    expect(panel).to_be_visible()
    toggle.click()
    page.mouse.move(5, 600)
    expect(panel).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_escape_closes_the_phone_menu_one_level_at_a_time(live_server, demo_content, phone_page):
    page = phone_page
    page.goto(live_server.url + "/")
    menu_button = page.get_by_role("button", name="Menu", exact=True)
    menu = page.locator("#main-menu")
    tab_to(page, ".menu-button")
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    expect(menu_button).to_have_attribute("aria-expanded", "true")

    toggle = page.get_by_role("button", name="Research: show submenu")
    tab_to(page, f"button[aria-controls='{toggle.get_attribute('aria-controls')}']")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Research Centres")).to_be_focused()

    page.keyboard.press("Escape")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(menu_button).to_be_focused()
    expect(menu_button).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("viewport", [(1280, 900), (375, 740)], ids=["desktop", "phone"])
def test_menu_toggles_are_at_least_24_pixels_square(live_server, demo_content, browser, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        if width < 960:
            page.get_by_role("button", name="Menu", exact=True).click()
        toggles = page.locator(".menu__toggle")
        sizes = [toggles.nth(i).bounding_box() for i in range(toggles.count())]
    finally:
        context.close()
    assert len(sizes) == 6
    assert all(box["width"] >= 24 and box["height"] >= 24 for box in sizes), sizes
    if width < 960:
        assert all(box["width"] >= 44 and box["height"] >= 44 for box in sizes), sizes
