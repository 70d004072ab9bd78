"""A share link's address is shown whole with a button that copies it, and the share-link pages
show every time in one format, in Singapore time ("10 Mar 2031, 17:30")."""

import datetime
import re

import pytest

from editorial import sharing
from editorial.models import ShareLink
from tests.factories import PublicationFactory

NOW = datetime.datetime(2031, 3, 10, 9, 30, tzinfo=datetime.UTC)  # 17:30 in Singapore

ADDRESS = re.compile(
    r'<code class="copy-link__address" id="(share-link-address-\d+)">([^<]*)</code> '
    r'<button type="button" class="button copy-link__button" data-copy-from="([^"]+)" '
    r'aria-describedby="([^"]+)" hidden>Copy link</button> '
    r'<span class="copy-link__status" role="status"></span>'
)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def draft(db):
    return PublicationFactory(title="Draft on ports", status="draft", published_at=None)


@pytest.fixture
def sharer(editor):
    return editor


def share(item, user, days=7, note="Prof. Tan"):
    return sharing.share_link_create(item=item, user=user, days=days, note=note)


def addresses(page):
    return [
        (shown, target == element == described)
        for element, shown, target, described in ADDRESS.findall(page)
    ]


def test_the_link_page_shows_the_whole_address_with_a_copy_button(
    frozen, sharer, editor_client, draft
):
    link = share(draft, sharer, days=3)

    page = editor_client.get(f"/admin/editorial/sharelink/{link.pk}/change/").content.decode()

    whole = f"http://testserver/review/{sharing.token_for(link)}/"
    assert addresses(page) == [(whole, True)]
    assert "editorial/copy-link.js" in page
    assert 'readonly value="http' not in page  # no box that cuts the address short


def test_the_list_shows_whole_addresses_of_working_links_only(frozen, sharer, editor_client, draft):
    working = share(draft, sharer, note="Working")
    gone = share(draft, sharer, note="Withdrawn")
    ShareLink.objects.filter(pk=gone.pk).revoke(sharer)

    page = editor_client.get("/admin/editorial/sharelink/").content.decode()

    assert addresses(page) == [(f"http://testserver/review/{sharing.token_for(working)}/", True)]
    assert "editorial/copy-link.js" in page


def test_times_on_the_link_page_are_in_one_format_in_singapore_time(
    frozen, sharer, editor_client, draft
):
    link = share(draft, sharer, days=3)
    ShareLink.objects.filter(pk=link.pk).update(
        last_used_at=NOW + datetime.timedelta(hours=5, minutes=5),
    )

    page = editor_client.get(f"/admin/editorial/sharelink/{link.pk}/change/").content.decode()

    # NOW is 09:30 UTC: 17:30 in Singapore.
    for label, shown in [
        ("Made", "10 Mar 2031, 17:30"),
        ("Expires", "13 Mar 2031, 17:30"),
        ("Last opened", "10 Mar 2031, 22:35"),
        ("Withdrawn", "—"),
    ]:
        assert re.search(rf"<label>{label}:</label>\s*<div class=\"readonly\">{shown}</div>", page)
    assert "see the item until 13 Mar 2031, 17:30 (Singapore time)" in page
    assert "p.m." not in page and "a.m." not in page

    listing = editor_client.get("/admin/editorial/sharelink/").content.decode()
    assert '<td class="field-expires">13 Mar 2031, 17:30</td>' in listing
    assert "p.m." not in listing

    ShareLink.objects.filter(pk=link.pk).revoke(sharer)
    page = editor_client.get(f"/admin/editorial/sharelink/{link.pk}/change/").content.decode()
    withdrawn = r"<label>Withdrawn:</label>\s*<div class=\"readonly\">10 Mar 2031, 17:30"
    assert re.search(withdrawn, page)


def test_the_making_page_lists_working_links_in_the_same_format(
    frozen, sharer, editor_client, draft
):
    share(draft, sharer, days=7, note="Prof. Tan")
    opts = draft._meta

    page = editor_client.get(
        f"/admin/editorial/sharelink/new/{opts.app_label}/{opts.model_name}/{draft.pk}/"
    ).content.decode()

    assert "For Prof. Tan</a>, until 17 Mar 2031, 17:30" in page


@pytest.mark.parametrize("field", ["created_at", "expires_at", "revoked_at", "last_used_at"])
def test_a_time_cannot_be_changed_by_a_forged_form(frozen, sharer, editor_client, draft, field):
    link = share(draft, sharer, days=3)
    before = getattr(ShareLink.objects.get(pk=link.pk), field)

    response = editor_client.post(
        f"/admin/editorial/sharelink/{link.pk}/change/",
        {"note": "Prof. Lee", field: "2040-01-01 00:00"},
    )

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.note == "Prof. Lee" and getattr(link, field) == before
