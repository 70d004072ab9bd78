"""The Review panel of an item's page in a browser: a comment is added in place without losing
what is typed in the form; an editor sends the item back; its author finds it on the
dashboard."""

import pytest
from playwright.sync_api import expect

from editorial import review
from editorial.roles import CONTRIBUTOR, EDITOR
from tests.factories import PublicationFactory, SeriesFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def staff(role, username, first_name):
    return member_of(role, username=username, first_name=first_name, last_name="Tan")


def test_comment_in_place_then_send_back(live_server, sign_in):
    writer = staff(CONTRIBUTOR, "writer", "Wen")
    staff(EDITOR, "checker", "Chen")
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    item = PublicationFactory(
        series=series, title="Straits", status="draft", published_at=None, created_by=writer
    )
    review.submit_for_review(item=item, by=writer, note="Ready when you are.")

    page = sign_in("checker")
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
    page.context.close()

    page = sign_in("writer")
    sent_back = page.locator(
        ".dashboard__panel", has=page.get_by_role("heading", name="Sent back to me")
    )
    expect(sent_back).to_contain_text("Chen Tan: “Please cite the 2023 figures.”")
