"""What blocks publishing is shown while writing: under each field concerned, from the moment the
edit page opens, after each save, and for each finding in a body at its place in the text."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    jpeg_bytes,
)

from .test_checks import all_errors, change_url, page_form, publish

FINDING = re.compile(r'<li class="check-finding check-finding--(\w+)">(.*?)</li>', re.S)


def field_row(page, name):
    """The HTML of the row of the edit page that holds the field ``name``."""
    found = re.search(rf'<div class="form-row[^"]*\bfield-{name}\b', page)
    assert found, f"no row for {name}"
    end = page.find('<div class="form-row', found.end())
    return page[found.start() : end if end != -1 else len(page)]


def all_findings(page):
    """``[(level, text)]`` of every finding shown on the page."""
    return [
        (level, html.unescape(re.sub(r"<[^>]+>", "", text)))
        for level, text in FINDING.findall(page)
    ]


def findings(page, name):
    """``[(level, text)]`` shown under the field ``name``."""
    return all_findings(field_row(page, name))


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def picture(db):
    """A picture in the media library's storage, as a body shows it."""
    return "/media-files/" + default_storage.save("library/ports.jpg", ContentFile(jpeg_bytes()))


@pytest.fixture
def draft(db):
    item = PublicationFactory(
        status="draft",
        code=None,
        published_at=None,
        series=SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO"),
        title="Ports and Power",
        synopsis="Why ports matter to the region.",
        body="<h2>Background</h2><p>Ports matter.</p>",
    )
    item.categories.add(CategoryFactory(name="Maritime Security"))
    AuthorshipFactory(publication=item, person=PersonFactory(name="Tan Ah Kow"), order=0)
    return item


def page_of(client, item, body=None):
    if body is not None:
        type(item).objects.filter(pk=item.pk).update(body=body)
    response = client.get(change_url(item))
    assert response.status_code == 200
    return response.content.decode()


# Next to the fields, from the moment the page opens ---------------------------------------------


def test_a_missing_category_is_shown_under_the_category_field_on_opening(staff_client, draft):
    draft.categories.clear()

    response = staff_client.get(change_url(draft))

    page = response.content.decode()
    assert findings(page, "categories") == [
        ("error", "Needed before publishing: Choose at least one of the categories.")
    ]
    assert findings(page, "synopsis") == []
    said = "cannot be published yet: 1 thing needs fixing"
    assert any(said in message for message in message_texts(response))


def test_a_new_item_says_from_the_start_what_publishing_will_need(staff_client, db):
    response = staff_client.get("/admin/publications/publication/add/")

    page = response.content.decode()
    assert findings(page, "categories") == [
        ("error", "Needed before publishing: Choose at least one of the categories.")
    ]
    assert findings(page, "synopsis")[0][1].startswith("Needed before publishing: The synopsis")
    assert not any("cannot be published" in m for m in message_texts(response))


def test_a_complete_draft_shows_nothing_to_fix(staff_client, draft):
    response = staff_client.get(change_url(draft))

    assert all_findings(response.content.decode()) == []
    assert not any("cannot be published" in m for m in message_texts(response))


def test_what_concerns_no_field_is_said_at_the_top(staff_client, draft):
    draft.authorships.all().delete()

    response = staff_client.get(change_url(draft))

    assert any(m.startswith("No author is given") for m in message_texts(response))


def test_after_a_draft_is_saved_what_blocks_publishing_is_said(staff_client, draft):
    data = page_form(staff_client, change_url(draft))
    data["synopsis"] = ""

    response = staff_client.post(change_url(draft), data)

    assert response.status_code == 302, all_errors(response)
    said = [m for m in message_texts(response) if m.startswith("Before it can be published")]
    assert said == [
        "Before it can be published, 1 thing must be fixed (shown under the fields concerned "
        "on its page): The synopsis is empty: write a short summary of the item."
    ]
    page = page_of(staff_client, draft)
    assert findings(page, "synopsis")[0][0] == "error"


def test_submitting_for_review_says_what_blocks_publishing(contributor_client, contributor, draft):
    type(draft).objects.filter(pk=draft.pk).update(created_by=contributor)
    draft.categories.clear()
    data = page_form(contributor_client, change_url(draft))
    data.pop("_save", None)
    data["_publish_action"] = "submit"

    response = contributor_client.post(change_url(draft), data)

    assert response.status_code == 302, all_errors(response)
    draft.refresh_from_db()
    assert draft.status == "review"
    said = [m for m in message_texts(response) if m.startswith("Before it can be published")]
    assert said == [
        "Before it can be published, 1 thing must be fixed (shown under the fields concerned "
        "on its page): Choose at least one of the categories."
    ]
    page = page_of(contributor_client, draft)
    assert findings(page, "categories")[0][0] == "error"


def test_a_form_sent_back_with_errors_shows_the_findings_of_what_was_typed(staff_client, draft):
    data = page_form(staff_client, change_url(draft))
    data.update(title="", body='<p>See <a href="https://example.org/x">here</a>.</p>')

    response = staff_client.post(change_url(draft), data)

    assert response.status_code == 200
    assert "link “here”" in findings(response.content.decode(), "body")[0][1]
    draft.refresh_from_db()
    assert "here" not in draft.body


def test_an_event_shows_its_findings_too(staff_client, db):
    event = EventFactory(status="draft", summary="")

    page = page_of(staff_client, event)

    assert findings(page, "summary")[0] == (
        "error",
        "Needed before publishing: The summary is empty: write a short summary of the item.",
    )


# The checks of a body, each at its place ----------------------------------------------------------


def body_findings(client, item, body):
    return findings(page_of(client, item, body), "body")


def test_a_good_body_has_no_finding(staff_client, draft, picture):
    public = PublicationFactory(series=draft.series, slug="open-seas", code="CO21001")
    body = (
        "<h2>Background</h2><p>The sea lanes.</p><h3>Trade</h3><p>Ships.</p><h2>Outlook</h2>"
        f'<figure><img src="{picture}" alt="Container cranes at dusk">'
        "<figcaption>Pasir Panjang</figcaption></figure>"
        '<p>Read <a href="https://www.example.org/ports">the port authority\'s report</a>, '
        f'<a href="{public.get_absolute_url()}">our commentary on the open seas</a> and '
        f'<a href="/p/{public.code}/">its short address</a>.</p>'
        "<table><tr><th>Port</th><th>Tonnes</th></tr><tr><td>Singapore</td><td>600</td></tr></table>"
    )

    assert body_findings(staff_client, draft, body) == []
    assert publish(staff_client, draft, body=body).status_code == 302


@pytest.mark.parametrize(
    "alt", ["IMG_1234", "image", "Picture", "photo.jpg", "DSC_0042", "img 2", "1234", "its name"]
)
def test_meaningless_alt_text_blocks_at_its_place(staff_client, draft, picture, alt):
    if alt == "its name":
        alt = picture.rsplit("/", 1)[1].rsplit(".", 1)[0]
    body = f'<p>Cranes line the quay.</p><img src="{picture}" alt="{alt}"><p>Ships wait.</p>'

    found = body_findings(staff_client, draft, body)

    assert len(found) == 1
    level, text = found[0]
    assert level == "error"
    assert f"the alt text “{alt}”, which tells readers nothing" in text
    assert "In the text: “Cranes line the quay. Ships wait.”" in text
    response = publish(staff_client, draft, body=body)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_missing_alt_text_is_advice(staff_client, draft, picture):
    found = body_findings(staff_client, draft, f'<p>Before.</p><img src="{picture}">')

    assert [level for level, _text in found] == ["warning"]
    assert "has no alt text" in found[0][1] and "In the text: “Before.”" in found[0][1]


def test_a_picture_gone_from_the_library_blocks(staff_client, draft):
    found = body_findings(
        staff_client, draft, '<p>Map.</p><img src="/media-files/library/gone.jpg" alt="A map">'
    )

    assert found == [
        (
            "error",
            "Needed before publishing: An image in the body (/media-files/library/gone.jpg) "
            "cannot be shown: the file is no longer in the media library. Choose it again from "
            "the library, or remove it. In the text: “Map.”",
        )
    ]


@pytest.mark.parametrize(
    ("body", "expected", "where"),
    [
        (
            "<h2>Background</h2><p>Text.</p><h4>Details</h4><p>More.</p>",
            "The heading “Details” in the body jumps from level 2 to level 4: use level 3",
            "“Background Text. Details More.”",
        ),
        (
            "<h3>Details</h3><p>Text.</p>",
            "The first heading in the body, “Details”, is a level-3 heading: start with a "
            "level-2 heading",
            "“Details Text.”",
        ),
        (
            "<p>Before the gap.</p><h2> </h2><p>After the gap.</p>",
            "There is an empty heading in the body",
            "“Before the gap. After the gap.”",
        ),
        (
            '<p>For the figures, click <a href="https://example.org/d">here</a> today.</p>',
            "The link “here” in the body does not say where it goes",
            "“For the figures, click here today.”",
        ),
        (
            '<p>Our <a href="https://example.org/r">Read more…</a></p>',
            "The link “Read more…” in the body does not say where it goes",
            "“Our Read more…”",
        ),
        (
            '<p>Go <a href="https://example.org/r">link</a></p>',
            "The link “link” in the body does not say where it goes",
            "“Go link”",
        ),
        (
            "<p>Tonnage:</p><table><tr><td>Singapore</td><td>600</td></tr></table>",
            "A table in the body has no header cells",
            "“Tonnage: Singapore 600”",
        ),
    ],
)
def test_advice_on_headings_links_and_tables_at_their_place(
    staff_client, draft, body, expected, where
):
    found = body_findings(staff_client, draft, body)

    assert len(found) == 1, found
    level, text = found[0]
    assert level == "warning"
    assert expected in text
    assert text.endswith(f"In the text: {where}")
    assert publish(staff_client, draft, body=body).status_code == 302  # advice does not block


def test_the_place_of_a_finding_in_a_long_text_is_cut_to_the_words_around_it(staff_client, draft):
    words = " ".join(f"word{n}" for n in range(40))
    body = f'<p>{words} <a href="https://example.org/x">click here</a> {words}</p>'

    (level, text), *_ = body_findings(staff_client, draft, body)

    place = text.split("In the text: ")[1]
    assert place.startswith("“…") and place.endswith("…”")
    assert "word39 click here word0" in place
    assert len(place) < 140


# Links to this site's items and pages -----------------------------------------------------------


@pytest.fixture
def others(draft):
    series = draft.series
    return {
        "public": PublicationFactory(series=series, slug="open-seas", code="CO21001"),
        "withdrawn": PublicationFactory(
            series=series, slug="old-news", code="CO21002", status="withdrawn"
        ),
        "draft": PublicationFactory(
            series=series, slug="not-yet", code=None, status="draft", published_at=None
        ),
        "event": EventFactory(slug="port-seminar", status="draft"),
    }


@pytest.mark.parametrize(
    ("href", "broken"),
    [
        ("/publications/commentaries/open-seas/", False),
        ("/p/CO21001/", False),
        ("http://localhost/p/co21001/", False),
        ("/publications/commentaries/open-seas", False),
        ("/publications/commentaries/", False),
        ("/publications/", False),
        ("/publications/commentaries/old-news/", True),
        ("/p/CO21002/", True),
        ("/p/CO21002.pdf", True),
        ("https://localhost/publications/commentaries/not-yet/?ref=x#top", True),
        ("/publications/commentaries/never-written/", True),
        ("/events/port-seminar/", True),
        ("/no-such-page/", True),
        ("https://www.example.org/publications/commentaries/old-news/", False),
        ("/static/img/favicon.svg", False),
        ("/static/img/no-such-logo.svg", True),
        ("/static/../settings.py", True),
    ],
)
def test_links_to_items_that_are_gone_or_not_public_block(
    staff_client, draft, others, href, broken
):
    body = f'<p>As we wrote in <a href="{href}">our earlier commentary</a>, ports matter.</p>'

    found = body_findings(staff_client, draft, body)

    if not broken:
        assert found == []
        return
    assert len(found) == 1
    level, text = found[0]
    assert level == "error"
    assert "The link “our earlier commentary” in the body leads to " in text
    assert "which readers cannot open" in text
    assert text.endswith("In the text: “As we wrote in our earlier commentary, ports matter.”")
    response = publish(staff_client, draft, body=body)
    assert any("which readers cannot open" in error for error in all_errors(response))


def test_a_link_to_a_content_page_or_a_kept_old_address_is_fine(staff_client, draft, others):
    from navigation.models import MenuItem
    from redirects.models import Redirect

    MenuItem.objects.create(title="About", slug="about-rsis", kind="page", published=True)
    Redirect.objects.create(old_path="/2019/05/ports/", target_path="/publications/")
    Redirect.objects.create(old_path="/2019/06/gone/", status=410)
    body = (
        '<p><a href="/about-rsis/">About us</a>, <a href="/2019/05/ports/">the old piece</a>, '
        '<a href="/2019/06/gone/">the removed piece</a>.</p>'
    )

    found = body_findings(staff_client, draft, body)

    assert [text.split(" in the body")[0] for _level, text in found] == [
        "Needed before publishing: The link “the removed piece”"
    ]
