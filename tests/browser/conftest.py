import os
import shutil

import pytest

from tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the database calls made by the
# test itself (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, width, height, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, page = open_page(browser, 1280, 900)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    """A page the size of a small phone (375 px wide)."""
    context, page = open_page(browser, 375, 740)
    yield page
    context.close()


@pytest.fixture
def sign_in(browser, live_server):
    """``sign_in(username)``: a page of a new browser context (``width`` × ``height`` px, and
    any other context option) signed in to the admin as that test user, on the admin's home
    page once it has loaded. The contexts are closed at the end of the test."""
    contexts = []

    def sign_in(username, *, width=1280, height=900, **options):
        context, page = open_page(browser, width, height, **options)
        contexts.append(context)
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(live_server.url + "/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()
