"""Previews: staff see unpublished items as the public will, from the item's admin page."""

import datetime

import pytest
from django.contrib import admin
from django.test import Client
from django.utils import timezone

import editorial.admin_sharing  # noqa: F401 - registers the share links' admin
from editorial import sharing
from editorial.models import ShareLink
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication

from ..factories import EventFactory, MediaItemFactory, PublicationFactory

TEMPLATE = "admin/editorial/change_form.html"

pytestmark = pytest.mark.django_db

UNPUBLISHED = {
    "draft publication": lambda: PublicationFactory(
        title="Draft paper", status="draft", published_at=None
    ),
    "publication awaiting review": lambda: PublicationFactory(
        title="Paper in review", status="review", published_at=None
    ),
    "scheduled publication": lambda: PublicationFactory(
        title="Scheduled paper",
        status="scheduled",
        published_at=timezone.now() + datetime.timedelta(hours=3),
    ),
    "draft event": lambda: EventFactory(title="Draft seminar", status="draft"),
    "draft media item": lambda: MediaItemFactory(
        title="Draft speech", kind="speeches", body="<p>Words.</p>", status="draft"
    ),
}
BANNERS = {
    "draft publication": "This draft item is not public; only staff can see this page.",
    "publication awaiting review": "This awaiting review item is not public",
    "scheduled publication": "This scheduled item is not public",
    "draft event": "This draft event is not public; only staff can see this page.",
    "draft media item": "This item is not published; only staff can see this page.",
}


@pytest.fixture
def item_admin_template(monkeypatch):
    """The item admins use the editorial change form (as they will once it is wired up)."""
    for model in (Publication, Event, MediaItem):
        monkeypatch.setattr(admin.site._registry[model], "change_form_template", TEMPLATE)


def change_url(item):
    opts = item._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"


def new_url(item):
    opts = item._meta
    return f"/admin/editorial/sharelink/new/{opts.app_label}/{opts.model_name}/{item.pk}/"


@pytest.mark.parametrize("role", ["contributor_client", "editor_client"])
@pytest.mark.parametrize("kind", UNPUBLISHED)
def test_staff_preview_unpublished_items_with_a_banner(kind, role, request, visitor):
    staff = request.getfixturevalue(role)
    item = UNPUBLISHED[kind]()
    if role == "contributor_client":  # a contributor previews their own drafts
        item.created_by = request.getfixturevalue("contributor")
        item.save()

    response = staff.get(item.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<strong>Preview.</strong> {BANNERS[kind]}" in html
    assert item.title in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    public = visitor.get(item.get_absolute_url())
    assert public.status_code == 404
    assert item.title not in public.content.decode()


def test_scheduled_item_is_public_once_its_time_has_come(visitor, editor_client, time_machine):
    item = UNPUBLISHED["scheduled publication"]()
    assert visitor.get(item.get_absolute_url()).status_code == 404
    time_machine.move_to(item.published_at + datetime.timedelta(minutes=1))
    response = visitor.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" not in response.content.decode()


@pytest.mark.parametrize("kind", UNPUBLISHED)
def test_editor_admin_page_offers_preview_and_share(kind, editor_client, item_admin_template):
    item = UNPUBLISHED[kind]()

    response = editor_client.get(change_url(item))

    assert response.status_code == 200
    html = response.content.decode()
    preview = (
        f'<a href="{item.get_absolute_url()}" class="viewsitelink" target="_blank" '
        'rel="noopener">Preview</a>'
    )
    assert preview in html
    assert f'<a href="{new_url(item)}" class="addlink">Share with a reviewer</a>' in html
    assert "View on site" not in html
    assert 'class="historylink"' in html


PUBLISHED = {
    "publication": lambda: PublicationFactory(),
    "event": lambda: EventFactory(),
    "media item": lambda: MediaItemFactory(kind="speeches", body="<p>Words.</p>"),
}


@pytest.mark.parametrize("kind", PUBLISHED)
def test_admin_page_of_a_public_item_offers_view_on_site_only(
    kind, editor_client, item_admin_template
):
    item = PUBLISHED[kind]()
    html = editor_client.get(change_url(item)).content.decode()
    assert f'<a href="{item.get_absolute_url()}" class="viewsitelink">View on site</a>' in html
    assert ">Preview<" not in html
    assert "Share with a reviewer" not in html


def test_contributor_admin_page_offers_preview_but_not_share(
    contributor, contributor_client, item_admin_template
):
    item = PublicationFactory(status="draft", published_at=None, created_by=contributor)

    response = contributor_client.get(change_url(item))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{item.get_absolute_url()}" class="viewsitelink"' in html
    assert ">Preview<" in html
    assert "Share with a reviewer" not in html
    assert new_url(item) not in html


def test_admin_page_of_an_item_without_a_page_offers_neither(editor_client, item_admin_template):
    coverage = MediaItemFactory(status="draft")  # a link to an article elsewhere
    html = editor_client.get(change_url(coverage)).content.decode()
    assert ">Preview<" not in html
    assert "Share with a reviewer" not in html


def test_admin_page_lists_the_links_that_still_work(editor, editor_client, item_admin_template):
    item = PublicationFactory(status="draft", published_at=None)
    working = sharing.share_link_create(item=item, user=editor, days=5, note="Dr Working")
    withdrawn = sharing.share_link_create(item=item, user=editor, days=5, note="Dr Withdrawn")
    ShareLink.objects.filter(pk=withdrawn.pk).revoke(editor)
    sharing.share_link_create(
        item=item,
        user=editor,
        days=1,
        note="Dr Expired",
        now=timezone.now() - datetime.timedelta(days=2),
    )
    other = PublicationFactory(status="draft", published_at=None, series=item.series)
    sharing.share_link_create(item=other, user=editor, days=5, note="Dr Other")

    html = editor_client.get(change_url(item)).content.decode()

    assert "Share links that still work" in html
    assert f'<a href="/admin/editorial/sharelink/{working.pk}/change/">Dr Working</a>' in html
    assert f'action="/admin/editorial/sharelink/{working.pk}/revoke/"' in html
    assert html.count('action="/admin/editorial/sharelink/') == 1
    for absent in ("Dr Withdrawn", "Dr Expired", "Dr Other"):
        assert absent not in html


def test_withdraw_button_on_the_item_page_works(editor, editor_client, item_admin_template):
    item = PublicationFactory(status="draft", published_at=None)
    link = sharing.share_link_create(item=item, user=editor, days=5, note="Dr Working")
    assert Client().get(link.get_absolute_url()).status_code == 200

    response = editor_client.post(
        f"/admin/editorial/sharelink/{link.pk}/revoke/", {"next": change_url(item)}, follow=True
    )

    assert response.redirect_chain == [(change_url(item), 302)]
    html = response.content.decode()
    assert "The link for Dr Working no longer works." in html
    assert "Share links that still work" not in html
    assert Client().get(link.get_absolute_url()).status_code == 410
