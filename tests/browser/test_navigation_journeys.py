import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching ``selector`` has focus."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"could not reach {selector} with the keyboard")


def test_keyboard_user_opens_mega_menu_and_reaches_introduction(live_server, demo_content, page):
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="About RSIS: show submenu")
    panel_id = toggle.get_attribute("aria-controls")
    panel = page.locator(f"#{panel_id}")
    expect(panel).to_be_hidden()

    tab_to(page, f"button[aria-controls='{panel_id}']")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(panel).to_be_visible()

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()

    page.keyboard.press("Enter")
    tab_to(page, "#main-menu a[href='/about-rsis/introduction/']")
    page.keyboard.press("Enter")

    page.wait_for_url(live_server.url + "/about-rsis/introduction/")
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")
    expect(crumbs).to_have_text(["Home", "About RSIS", "Introduction"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Introduction")
    current = page.locator("#main-menu a[aria-current='page']")
    expect(current).to_have_text("Introduction")


def test_phone_visitor_uses_the_collapsible_menu(live_server, demo_content, phone_page):
    page = phone_page
    page.goto(live_server.url + "/")
    menu = page.locator("#main-menu")
    expect(menu).to_be_hidden()

    page.get_by_role("button", name="Menu", exact=True).click()
    expect(menu).to_be_visible()
    page.get_by_role("button", name="Research: show submenu").click()
    menu.get_by_role("link", name="Research Centres").click()

    page.wait_for_url(live_server.url + "/research/research-centres/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Research Centres")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_cookie_notice_is_remembered_after_accepting(live_server, demo_content, page):
    page.goto(live_server.url + "/")
    notice = page.get_by_role("region", name="Cookie notice")
    expect(notice).to_be_visible()

    notice.get_by_role("button", name="OK").click()
    expect(notice).to_be_hidden()
    page.goto(live_server.url + "/about-rsis/")
    expect(page.get_by_role("region", name="Cookie notice")).to_be_hidden()


def test_skip_link_moves_focus_to_the_main_content(live_server, demo_content, page):
    page.goto(live_server.url + "/about-rsis/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
