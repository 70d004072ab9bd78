"""Share links: made by editors in the admin, opened by reviewers without an account."""

import datetime
import re

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

import editorial.admin_sharing  # noqa: F401 - registers the share links' admin
from editorial import sharing
from editorial.models import ShareLink
from editorial.roles import PUBLISHABLE

from ..factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    MediaItemFactory,
    PublicationFactory,
)

NOW = datetime.datetime(2031, 3, 10, 9, 30, tzinfo=datetime.UTC)  # 17:30 in Singapore


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


@pytest.fixture
def draft(db):
    return PublicationFactory(
        title="Draft on maritime law",
        body="<p>Unpublished argument about the straits.</p>",
        status="draft",
        published_at=None,
    )


@pytest.fixture
def sharer(editor):
    editor.first_name, editor.last_name = "Eda", "Lim"
    editor.save()
    return editor


def share(item, user, days=7, note="Prof. Tan"):
    return sharing.share_link_create(item=item, user=user, days=days, note=note)


def new_url(item):
    opts = item._meta
    return f"/admin/editorial/sharelink/new/{opts.app_label}/{opts.model_name}/{item.pk}/"


def main_of(response):
    """The page's main content without the preview banner and the draft PDF's address (which
    differ by design: a reviewer's PDF comes through the share link)."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r'href="[^"]*/pdf/" type="application/pdf"', 'href="PDF"', main)
    return re.sub(r'<p class="preview-banner".*?</p>', "", main, flags=re.DOTALL)


SHARED_ITEMS = {
    "draft publication": lambda: PublicationFactory(
        title="Shared draft paper", status="draft", published_at=None
    ),
    "scheduled publication": lambda: PublicationFactory(
        title="Shared scheduled paper",
        status="scheduled",
        published_at=timezone.now() + datetime.timedelta(days=2),
    ),
    "draft event": lambda: EventFactory(title="Shared draft seminar", status="draft"),
    "draft media item": lambda: MediaItemFactory(
        title="Shared draft speech",
        kind="speeches",
        body="<p>Words of the speech.</p>",
        status="draft",
    ),
}


# Opening a link -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", SHARED_ITEMS)
def test_share_link_shows_the_item_to_an_anonymous_reviewer(kind, frozen, sharer, editor_client):
    item = SHARED_ITEMS[kind]()
    link = share(item, sharer, days=3)
    reviewer = Client()

    response = reviewer.get(link.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Preview shared by Eda Lim for review — not public;</strong> this link expires on "
        "13 March 2031, 17:30 (Singapore time)"
    ) in html
    assert item.title in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="referrer" content="no-referrer">' in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response
    # Exactly the page staff preview at the item's address, banner apart.
    staff_view = editor_client.get(item.get_absolute_url())
    assert staff_view.status_code == 200
    assert main_of(response) == main_of(staff_view)
    assert link.key not in main_of(response)
    link.refresh_from_db()
    assert (link.use_count, link.last_used_at) == (1, NOW)


def test_share_link_page_keeps_its_queries_bounded(
    sharer, draft, site_facts, django_assert_max_num_queries
):
    url = share(draft, sharer).get_absolute_url()
    reviewer = Client()
    with django_assert_max_num_queries(24):  # the menu and site facts are loaded too
        assert reviewer.get(url).status_code == 200
    with django_assert_max_num_queries(10):
        assert reviewer.get(url).status_code == 200
    # Authors, categories and tags cost no more queries.
    for n in range(3):
        AuthorshipFactory(publication=draft)
        draft.categories.add(CategoryFactory())
        draft.tags.add(f"tag {n}")
    reviewer.get(url)
    with django_assert_max_num_queries(10):
        response = reviewer.get(url)
    assert response.content.decode().count('rel="tag"') == 3


def test_share_link_head_request_does_not_count_as_a_visit(sharer, draft):
    link = share(draft, sharer)
    response = Client().head(link.get_absolute_url())
    assert response.status_code == 200
    link.refresh_from_db()
    assert link.use_count == 0


def test_share_link_of_an_item_published_since_leads_to_its_public_page(sharer, draft):
    link = share(draft, sharer)
    draft.status, draft.published_at = "published", timezone.now()
    draft.save()
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert response["Referrer-Policy"] == "no-referrer"


def test_share_link_of_a_deleted_item_is_gone(sharer, draft):
    link = share(draft, sharer)
    draft.delete()
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 410
    assert "This item is no longer available" in response.content.decode()


def test_share_link_of_a_withdrawn_item_is_gone(sharer, draft):
    link = share(draft, sharer)
    draft.status, draft.published_at = "withdrawn", timezone.now()
    draft.save()
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "This item is no longer available" in html
    assert "Unpublished argument" not in html


def test_banner_never_shows_a_username(editor, draft):
    link = share(draft, editor)  # the editor has a username but no full name
    html = Client().get(link.get_absolute_url()).content.decode()
    assert " staff for review — not public" in html
    assert editor.get_username() not in html


def altered(token):
    """The token with one character of the link's key changed."""
    key, signature = token.split(".")
    swapped = "A" if key[0] != "A" else "B"
    return f"{swapped}{key[1:]}.{signature}"


BAD_TOKENS = {
    "altered key": lambda link: altered(sharing.token_for(link)),
    "altered signature": lambda link: sharing.token_for(link)[:-2] + "xx",
    "key alone": lambda link: link.key,
    "other salt": lambda link: signing.Signer(salt="another-purpose", sep=".").sign(link.key),
    "default salt": lambda link: signing.Signer(sep=".").sign(link.key),
    "signed with dumps": lambda link: signing.dumps(link.key, salt=sharing.SALT),
    "unknown key": lambda link: signing.Signer(salt=sharing.SALT, sep=".").sign("x" * 24),
    "junk": lambda link: "abc",
    "too long": lambda link: sharing.token_for(link) + "a" * 300,
}


@pytest.mark.parametrize("how", BAD_TOKENS)
def test_forged_or_altered_token_shows_no_item(how, sharer, draft):
    link = share(draft, sharer)
    response = Client().get(f"/review/{BAD_TOKENS[how](link)}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "This review link is not valid" in html
    assert draft.title not in html and "straits" not in html
    assert response["Cache-Control"] == "private, no-store"
    link.refresh_from_db()
    assert link.use_count == 0


def test_withdrawn_link_shows_no_item(sharer, draft):
    link = share(draft, sharer)
    url = link.get_absolute_url()
    assert Client().get(url).status_code == 200
    ShareLink.objects.filter(pk=link.pk).revoke(sharer)

    response = Client().get(url)

    assert response.status_code == 410
    html = response.content.decode()
    assert "This review link has been withdrawn" in html
    assert draft.title not in html and "straits" not in html


def test_expired_link_shows_no_item(sharer, draft, frozen):
    url = share(draft, sharer, days=2).get_absolute_url()
    frozen.move_to(NOW + datetime.timedelta(days=2, seconds=-1), tick=False)
    assert Client().get(url).status_code == 200
    frozen.move_to(NOW + datetime.timedelta(days=2), tick=False)

    response = Client().get(url)

    assert response.status_code == 410
    html = response.content.decode()
    assert "This review link has expired" in html
    assert "It worked until 12 March 2031, 17:30" in html
    assert draft.title not in html and "straits" not in html


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_share_page_is_read_only(method, sharer, draft):
    link = share(draft, sharer)
    response = getattr(Client(enforce_csrf_checks=True), method)(link.get_absolute_url())
    assert response.status_code == 405
    link.refresh_from_db()
    assert link.use_count == 0


def test_share_page_is_never_served_from_the_page_cache(sharer, draft, settings):
    settings.PAGE_CACHE_SECONDS = 300
    link = share(draft, sharer)
    url = link.get_absolute_url()
    reviewer, visitor = Client(), Client()

    for _ in range(2):
        response = reviewer.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    public = visitor.get(draft.get_absolute_url())
    assert public.status_code == 404
    assert "straits" not in public.content.decode()
    ShareLink.objects.filter(pk=link.pk).revoke(sharer)
    assert reviewer.get(url).status_code == 410
    # The page cache still works for public pages.
    visitor.get("/publications/")
    assert visitor.get("/publications/")["X-Page-Cache"] == "hit"


# Making a link in the admin ----------------------------------------------------------------


def test_editor_makes_a_link_and_is_shown_the_address(frozen, sharer, editor_client, draft):
    form = editor_client.get(new_url(draft))
    assert form.status_code == 200
    assert 'name="days"' in form.content.decode() and 'value="7"' in form.content.decode()

    response = editor_client.post(new_url(draft), {"days": "3", "note": "Prof. Tan, NUS"})

    link = ShareLink.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/editorial/sharelink/{link.pk}/change/"
    assert (link.item, link.note, link.created_by) == (draft, "Prof. Tan, NUS", sharer)
    assert (link.created_at, link.expires_at) == (NOW, NOW + datetime.timedelta(days=3))
    page = editor_client.get(response["Location"]).content.decode()
    assert f'">http://testserver/review/{sharing.token_for(link)}/</code>' in page
    assert "Share link made." in page
    assert Client().get(link.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"days": "0", "note": "Tan"}, "greater than or equal to 1"),
        ({"days": "31", "note": "Tan"}, "less than or equal to 30"),
        ({"days": "abc", "note": "Tan"}, "Enter a whole number"),
        ({"days": "", "note": "Tan"}, "This field is required"),
        ({"days": "5", "note": ""}, "This field is required"),
        ({"days": "5", "note": "x" * 201}, "at most 200 characters"),
    ],
)
def test_create_view_refuses_bad_input(data, error, editor_client, draft):
    response = editor_client.post(new_url(draft), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ShareLink.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "publications/publication/999999",
        "publications/publication/abc",
        "publications/publication/-1",
        "publications/publication/99999999999999999999999",
        "auth/user/1",
        "publications/series/1",
        "nothing/here/1",
    ],
)
def test_create_view_gives_404_for_unknown_items(path, editor_client, draft):
    assert editor_client.get(f"/admin/editorial/sharelink/new/{path}/").status_code == 404
    assert editor_client.post(f"/admin/editorial/sharelink/new/{path}/", {}).status_code == 404


def test_create_view_gives_404_for_an_item_without_a_page(editor_client):
    coverage = MediaItemFactory(status="draft")  # a link to an article elsewhere
    assert editor_client.get(new_url(coverage)).status_code == 404


def test_contributor_cannot_make_a_link_even_by_forging_the_form(contributor, draft):
    draft.created_by = contributor
    draft.save()
    client = Client(enforce_csrf_checks=False)
    client.force_login(contributor)
    assert client.get(new_url(draft)).status_code == 403
    assert client.post(new_url(draft), {"days": "7", "note": "Tan"}).status_code == 403
    assert not ShareLink.objects.exists()


def test_anonymous_visitor_is_sent_to_the_login_page(draft):
    response = Client().post(new_url(draft), {"days": "7", "note": "Tan"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not ShareLink.objects.exists()


# The list of links, and withdrawing them -------------------------------------------------------


def test_admin_list_shows_each_link_with_its_state(frozen, sharer, editor_client, draft):
    active = share(draft, sharer, note="Active reviewer")
    withdrawn = share(draft, sharer, note="Withdrawn reviewer")
    ShareLink.objects.filter(pk=withdrawn.pk).revoke(sharer)
    sharing.share_link_create(
        item=draft,
        user=sharer,
        days=1,
        note="Expired reviewer",
        now=NOW - datetime.timedelta(days=2),
    )

    response = editor_client.get("/admin/editorial/sharelink/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(f"Publication: {draft.title}") == 3
    assert re.search(r"Active reviewer.*?status--published\">Active<", html, re.DOTALL)
    assert re.search(r"Withdrawn reviewer.*?status--withdrawn\">Withdrawn<", html, re.DOTALL)
    assert re.search(r"Expired reviewer.*?status--draft\">Expired<", html, re.DOTALL)
    assert html.count("http://testserver/review/") == 1
    assert f"http://testserver/review/{sharing.token_for(active)}/" in html
    only_active = editor_client.get("/admin/editorial/sharelink/?state=active").content.decode()
    assert "Active reviewer" in only_active and "Expired reviewer" not in only_active


def test_admin_list_queries_do_not_grow_with_links(
    sharer, editor_client, draft, django_assert_max_num_queries
):
    for n in range(3):
        share(EventFactory(status="draft"), sharer, note=f"Event reviewer {n}")
        share(draft, sharer, note=f"Paper reviewer {n}")
    with django_assert_max_num_queries(14):
        response = editor_client.get("/admin/editorial/sharelink/")
    assert response.content.decode().count("reviewer") >= 6


def test_revoke_action_withdraws_the_selected_links(sharer, editor_client, draft):
    first, second, kept = (share(draft, sharer, note=n) for n in ("One", "Two", "Kept"))

    response = editor_client.post(
        "/admin/editorial/sharelink/",
        {"action": "revoke_selected", "_selected_action": [first.pk, second.pk]},
    )

    assert response.status_code == 302
    states = {link.note: link.state() for link in ShareLink.objects.all()}
    assert states == {"One": "revoked", "Two": "revoked", "Kept": "active"}
    assert Client().get(first.get_absolute_url()).status_code == 410
    assert Client().get(kept.get_absolute_url()).status_code == 200


def test_revoke_button_withdraws_one_link_and_goes_back(sharer, editor_client, draft):
    link = share(draft, sharer)
    back = f"/admin/publications/publication/{draft.pk}/change/"

    response = editor_client.post(f"/admin/editorial/sharelink/{link.pk}/revoke/", {"next": back})

    assert response.status_code == 302 and response["Location"] == back
    link.refresh_from_db()
    assert (link.state(), link.revoked_by) == ("revoked", sharer)
    assert Client().get(link.get_absolute_url()).status_code == 410


def test_revoke_button_does_not_send_elsewhere(sharer, editor_client, draft):
    link = share(draft, sharer)
    response = editor_client.post(
        f"/admin/editorial/sharelink/{link.pk}/revoke/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/admin/editorial/sharelink/{link.pk}/change/"


def test_revoke_button_refuses_get_bad_ids_and_contributors(
    sharer, editor_client, contributor_client, draft
):
    link = share(draft, sharer)
    assert editor_client.get(f"/admin/editorial/sharelink/{link.pk}/revoke/").status_code == 405
    assert editor_client.post("/admin/editorial/sharelink/abc/revoke/").status_code == 404
    assert editor_client.post("/admin/editorial/sharelink/99999/revoke/").status_code == 404
    assert (
        contributor_client.post(f"/admin/editorial/sharelink/{link.pk}/revoke/").status_code == 403
    )
    assert contributor_client.get("/admin/editorial/sharelink/").status_code == 403
    link.refresh_from_db()
    assert link.state() == "active"


def test_links_cannot_be_added_from_a_blank_form(editor_client):
    assert editor_client.get("/admin/editorial/sharelink/add/").status_code == 403


def test_every_publishable_model_may_be_shared():
    assert set(sharing.PAGES) == set(PUBLISHABLE)
