import pytest
from playwright.sync_api import expect

from editorial.roles import EDITOR
from publications.models import Publication
from tests.factories import CategoryFactory, PublicationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_corrects_compares_restores_and_withdraws_a_publication(live_server, sign_in):
    member_of(EDITOR, username="checker")
    item = PublicationFactory(status="published", title="Ports and Power in the Straits")
    item.categories.add(CategoryFactory())
    address = live_server.url + item.get_absolute_url()

    page = sign_in("checker")
    change = f"{live_server.url}/admin/publications/publication/{item.pk}/change/"

    # Two corrections, each kept as a version.
    for title in ("Ports and Power in the Malacca Strait", "Ports, Power and Piracy"):
        page.goto(change)
        page.get_by_label("Title").fill(title)
        page.get_by_role("button", name="Publish correction").click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # The history compares the two versions word by word.
    page.goto(change)
    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Compare these two versions").click()
    expect(page.locator(".compare-diff del", has_text="Malacca").first).to_be_visible()
    expect(page.locator(".compare-diff ins", has_text="Piracy").first).to_be_visible()

    # Restore the first correction, the older of the two.
    page.get_by_role("link", name="Restore this version").first.click()
    expect(page.get_by_label("Title")).to_have_value("Ports and Power in the Malacca Strait")
    page.get_by_role("button", name="Save", exact=True).click()
    item.refresh_from_db()
    assert item.title == "Ports and Power in the Malacca Strait"
    assert page.context.request.get(address).ok

    # Withdraw it from the list: the public gets 410 Gone, the code stays the item's.
    page.goto(live_server.url + "/admin/publications/publication/")
    page.locator(f"input[name=_selected_action][value='{item.pk}']").check()
    page.locator("select[name=action]").select_option("withdraw")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Withdrew 1 item")
    item.refresh_from_db()
    assert item.status == Publication.Status.WITHDRAWN and item.code
    anonymous = page.context.browser.new_context()
    assert anonymous.new_page().goto(address).status == 410
    anonymous.close()
