"""Every page editors use in the admin passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules,
on a desktop and on a phone, for each role that sees it: the dashboard, a publication's add and
change forms (an author row, categories, tags, the rich-text editor, the Review panel), the
list of publications with its filters, an event's and a media item's forms, a publication's
history and compare pages, the share-link pages, the broken-links page, the media library's
picture window and the list of imports."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from reversion import add_to_revision
from reversion.models import Version

from editorial import review, sharing
from editorial.roles import ADMINISTRATOR, CONTRIBUTOR
from editorial.versioning import separate_revision
from imports.models import ImportRun
from library.models import Image
from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    MediaItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    jpeg_bytes,
    member_of,
)

from .test_accessibility import AXE, WCAG_TAGS, axe_browser  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def staff(role, username):
    return member_of(role, username=username, first_name=username.title(), last_name="Tan")


def described(violation):
    """A violation in a few lines: its rule, what it asks, and the elements that break it."""
    nodes = "".join(
        f"\n      {json.dumps(node['target'])} {node['html'][:140]}"
        for node in violation["nodes"][:8]
    )
    more = len(violation["nodes"]) - 8
    return (
        f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
        f"{violation['help']}{nodes}" + (f"\n      ... and {more} more" if more > 0 else "")
    )


def axe_violations(page):
    """axe-core's violations of the WCAG A and AA rules on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def settled(page):
    """Wait until the page's scripts have drawn what they draw: the rich-text editors and the
    select2 pickers of a form."""
    page.wait_for_load_state("load")
    if page.locator("textarea[data-django-prose-editor]").count():
        expect(page.locator(".ProseMirror").first).to_be_attached()
    if page.locator("select.admin-autocomplete").count():
        expect(page.locator(".select2-container").first).to_be_attached()


def audit(page, base_url, paths):
    """``{path: [violations described]}`` of the pages that have any."""
    failures = {}
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        settled(page)
        found = axe_violations(page)
        if found:
            failures[path] = [described(v) for v in found]
    return failures


def report(failures):
    return "\n".join(
        f"\n{path}:\n" + "\n".join(f"  - {line}" for line in lines)
        for path, lines in failures.items()
    )


def library_image():
    return Image.objects.create(
        file=SimpleUploadedFile("harbour.jpg", jpeg_bytes(640, 400), "image/jpeg"),
        title="Harbour",
        alt_text="Container ships in Singapore's harbour",
        credit="RSIS",
        licence="CC BY 4.0",
    )


def publication_with_everything(**fields):
    """A draft with an author row, categories and tags, as editors see it mostly."""
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    region = CategoryFactory(name="Country and Region Studies", slug="regions")
    asean = CategoryFactory(name="Southeast Asia and ASEAN", slug="asean", parent=region)
    item = PublicationFactory(
        series=series,
        title="Straits and ports",
        status="draft",
        code=None,
        published_at=None,
        body="<h2>Ports</h2><p>Ships <a href='https://example.org/'>pass the strait</a>.</p>",
        **fields,
    )
    item.categories.add(asean)
    item.tags.add("maritime security", "ASEAN")
    AuthorshipFactory(publication=item, person=PersonFactory(name="Lee Mei"), order=1)
    return item


def two_versions(item, user):
    """Two revisions of ``item`` with a changed title, as its history lists them."""
    with separate_revision(user, "First draft."):
        add_to_revision(item)
    item.title = f"{item.title}, revised"
    item.save()
    with separate_revision(user, "Title changed."):
        add_to_revision(item)
    return list(Version.objects.get_for_object(item).order_by("pk"))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_administrators_pages_have_no_wcag_violations(
    live_server,
    site_facts,
    axe_browser,  # noqa: F811 - the fixture
    sign_in,
    width,
):
    chief = staff(ADMINISTRATOR, "chief")
    writer = staff(CONTRIBUTOR, "writer")
    item = publication_with_everything(created_by=writer)
    review.submit_for_review(item=item, by=writer, note="Ready when you are.")
    older, newer = two_versions(item, chief)
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventFactory(status="draft", start=start, end=start + datetime.timedelta(hours=2))
    coverage = MediaItemFactory(status="draft")
    link = sharing.share_link_create(item=item, user=chief, days=3, note="Prof. Tan")
    library_image()
    ImportRun.objects.create(
        source="rsis.xml",
        site="https://www.rsis.edu.sg",
        finished_at=timezone.now(),
        succeeded=True,
        counts={"post": {"created": 12, "updated": 1}},
        warnings=[{"item": "post 12", "message": "An image was missing."}],
    )
    publication = "/admin/publications/publication/"
    compare = reverse("admin:editorial_compare", args=["publications", "publication", item.pk])
    paths = [
        "/admin/",
        f"{publication}add/",
        f"{publication}{item.pk}/change/",
        publication,
        f"{publication}?status__exact=review",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/newsroom/mediaitem/{coverage.pk}/change/",
        f"{publication}{item.pk}/history/",
        f"{compare}?old={older.revision_id}&new={newer.revision_id}",
        f"/admin/editorial/sharelink/new/publications/publication/{item.pk}/",
        f"/admin/editorial/sharelink/{link.pk}/change/",
        "/admin/editorial/broken-links/",
        "/admin/library/image/picker/?CKEditorFuncNum=1",
        "/admin/imports/importrun/",
    ]

    page = sign_in("chief", **WIDTHS[width])
    failures = audit(page, live_server.url, paths)
    assert failures == {}, report(failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_contributors_pages_have_no_wcag_violations(
    live_server,
    site_facts,
    axe_browser,  # noqa: F811 - the fixture
    sign_in,
    width,
):
    writer = staff(CONTRIBUTOR, "writer")
    staff(ADMINISTRATOR, "chief")
    item = publication_with_everything(created_by=writer)
    review.submit_for_review(item=item, by=writer, note="Ready when you are.")
    publication = "/admin/publications/publication/"
    paths = ["/admin/", f"{publication}add/", f"{publication}{item.pk}/change/", publication]

    page = sign_in("writer", **WIDTHS[width])
    failures = audit(page, live_server.url, paths)
    assert failures == {}, report(failures)


def assert_no_violations(page, where, failures):
    found = axe_violations(page)
    if found:
        failures[where] = [described(v) for v in found]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_forms_in_use_have_no_wcag_violations(
    live_server,
    site_facts,
    axe_browser,  # noqa: F811 - the fixture
    sign_in,
    width,
):
    """With a row added, a picker open, text typed and a calendar shown, every control still
    has a name a screen reader can say, and the page still passes."""
    staff(ADMINISTRATOR, "chief")
    item = publication_with_everything()
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventFactory(status="draft", start=start, end=start + datetime.timedelta(hours=2))
    failures = {}
    page = sign_in("chief", **WIDTHS[width])
    page.goto(f"{live_server.url}/admin/publications/publication/{item.pk}/change/")
    settled(page)
    expect(page.get_by_role("textbox", name="Body", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Member of staff, author 1")).to_contain_text(
        "Lee Mei"
    )
    expect(page.get_by_role("textbox", name="Outside name, author 1")).to_be_attached()
    expect(page.get_by_role("searchbox", name="Search Categories")).to_be_attached()

    page.get_by_role("button", name="Add another Author").click()
    new_author = page.get_by_role("combobox", name="Member of staff, new author").last
    assert_no_violations(page, "an author row added", failures)

    new_author.click()
    expect(page.get_by_role("option", name="Lee Mei")).to_be_visible()
    search = page.get_by_role("searchbox", name="Search Member of staff, new author")
    expect(search).to_be_focused()
    assert_no_violations(page, "a person's picker open", failures)
    page.keyboard.press("Escape")

    page.get_by_role("searchbox", name="Search Categories").click()
    expect(page.get_by_role("listbox", name="Categories")).to_be_visible()
    assert_no_violations(page, "the categories' picker open", failures)
    page.keyboard.press("Escape")

    page.get_by_role("textbox", name="Body", exact=True).click()
    page.keyboard.type(" Ships wait at anchor.")
    assert_no_violations(page, "text typed", failures)

    page.goto(f"{live_server.url}/admin/events/event/{event.pk}/change/")
    settled(page)
    expect(page.get_by_role("textbox", name="Starts, date")).to_be_visible()
    expect(page.get_by_role("textbox", name="Starts, time")).to_be_visible()
    page.locator("#calendarlink0").click()
    assert_no_violations(page, "an event's calendar open", failures)
    assert failures == {}, report(failures)
