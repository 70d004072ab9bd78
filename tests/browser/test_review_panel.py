"""The Review panel of an item's page in a browser: a comment is added in place without losing
what is typed in the form; an editor sends the item back; its author finds it on the
dashboard."""

import pytest
from playwright.sync_api import expect

from editorial import review
from editorial.roles import CONTRIBUTOR, EDITOR
from tests.factories import PublicationFactory, SeriesFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


def sign_in(browser, base_url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My drafts")).to_be_visible()
    return context, page


def staff(role, username, first_name):
    user = member_of(role, username=username, first_name=first_name, last_name="Tan")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_comment_in_place_then_send_back(live_server, browser):
    writer = staff(CONTRIBUTOR, "writer", "Wen")
    staff(EDITOR, "checker", "Chen")
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    item = PublicationFactory(
        series=series, title="Straits", status="draft", published_at=None, created_by=writer
    )
    review.submit_for_review(item=item, by=writer, note="Ready when you are.")

    context, page = sign_in(browser, live_server.url, "checker")
    waiting = page.locator(
        ".dashboard__panel", has=page.get_by_role("heading", name="Waiting for my review")
    )
    expect(waiting).to_contain_text("Wen Tan asked every editor: “Ready when you are.”")
    waiting.get_by_role("link", name="Straits").click()

    panel = page.locator("#review-panel")
    expect(panel).to_contain_text("Waiting for review by every editor")
    page.get_by_label("Title").fill("Straits, revised")  # typed, not saved
    page.get_by_label("Your comment").fill("One question about the second paragraph.")
    panel.get_by_role("button", name="Add comment").click()
    expect(panel.get_by_role("status")).to_contain_text("Your comment was added")
    expect(panel).to_contain_text("One question about the second paragraph.")
    expect(page.get_by_label("Your comment")).to_have_value("")
    expect(page.get_by_label("Title")).to_have_value("Straits, revised")

    page.get_by_label("Your comment").fill("Please cite the 2023 figures.")
    page.once("dialog", lambda dialog: dialog.accept())  # the unsaved title is given up
    page.locator("#review-panel").get_by_role("button", name="Send back with comments").click()
    expect(page.locator(".messagelist")).to_contain_text("was sent back to its author")
    expect(page.locator("#review-panel")).to_contain_text("Sent back by Chen Tan")
    item.refresh_from_db()
    assert (item.status, item.title) == ("draft", "Straits")
    context.close()

    context, page = sign_in(browser, live_server.url, "writer")
    sent_back = page.locator(
        ".dashboard__panel", has=page.get_by_role("heading", name="Sent back to me")
    )
    expect(sent_back).to_contain_text("Chen Tan: “Please cite the 2023 figures.”")
    context.close()
