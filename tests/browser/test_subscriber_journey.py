"""A reader's journey through a real browser and a real mail server: subscribes to
Commentaries from the series' link, confirms from the email, gets the alert when an editor
publishes a Commentary, and leaves from the email's link."""

import pytest
from playwright.sync_api import expect

from editorial.roles import EDITOR
from subscriptions.models import Subscriber
from tests.editorial.test_publishing import ready_draft
from tests.factories import SeriesFactory, member_of
from tests.subscriptions.conftest import links, smtp, text_of  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_follows_commentaries_by_email(live_server, page, sign_in, smtp, site_facts):  # noqa: F811
    series = SeriesFactory(
        name="Commentaries", item_name="RSIS Commentary", slug="commentaries", code_prefix="CO",
        disclaimer="Views are the authors' own.",
    )  # fmt: skip
    draft = ready_draft(series, title="Ports and Power in the Straits")
    member_of(EDITOR, username="editor")

    page.goto(f"{live_server.url}/subscribe/?series=commentaries")
    expect(page.get_by_label("Commentaries")).to_be_checked()
    page.get_by_label("Your email address").fill("reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    [confirmation] = smtp.to("reader@example.org")
    page.goto(f"{live_server.url}/subscribe/confirm/{links(confirmation)['confirm']}/")
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()
    assert Subscriber.objects.get().status == "active"

    editor = sign_in("editor")
    editor.goto(f"{live_server.url}/admin/publications/publication/{draft.pk}/change/")
    editor.get_by_role("button", name="Publish now").click()
    expect(editor.locator(".messagelist")).to_contain_text("It is on the public site now")

    alert = smtp.to("reader@example.org")[-1]
    assert "Ports and Power in the Straits" in alert["Subject"]
    assert "Ports and Power in the Straits" in text_of(alert)

    page.goto(f"{live_server.url}/subscribe/leave/{links(alert)['leave']}/")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert Subscriber.objects.get().status == "left"
