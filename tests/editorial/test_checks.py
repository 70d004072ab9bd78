"""The pre-publish check: each rule blocks or warns when an item is saved as public in the admin.

The forms are posted as a browser would: the edit page's own fields, with some values changed.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from editorial.checks import (
    SUMMARY_MAX_LENGTH,
    link_problem,
    prepublish_report,
    publishable,
)
from events.models import Event
from newsroom.models import MediaItem
from publications.models import Publication
from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    EventFactory,
    MediaItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    jpeg_bytes,
)

ADMIN = "/admin"


class _FormReader(HTMLParser):
    """The values a browser would send from the page's main form."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self._select = None
        self._textarea = None
        self._in_form = False

    def _put(self, name, value):
        if "__prefix__" in name:
            return
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("id") or "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._put(name, a.get("value", "on"))
                return
            self._put(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self._put(self._select, a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._put(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            values = self.data[self._textarea]
            values[-1] += data.removeprefix("\n") if not values[-1] else data


def page_form(client, url):
    """The data the edit page at ``url`` would post unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    data["_save"] = "Save"
    return data


def change_url(obj):
    return f"{ADMIN}/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def form_errors(response):
    assert response.status_code == 200, "the form was saved"
    form = response.context["adminform"].form
    return form.errors


def all_errors(response):
    return [message for messages in form_errors(response).values() for message in messages]


def warnings_of(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


@pytest.fixture
def category(db):
    return CategoryFactory(name="Maritime Security", slug="maritime-security")


@pytest.fixture
def draft(db, category):
    """A complete draft: synopsis, body, a category and an author; only its status is draft."""
    item = PublicationFactory(
        status="draft",
        code=None,
        published_at=None,
        series=SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO"),
        title="Ports and Power",
        synopsis="Why ports matter to the region.",
        body='<p>See <a href="https://www.example.org/ports">the report</a>.</p>',
    )
    item.categories.add(category)
    AuthorshipFactory(publication=item, person=PersonFactory(name="Tan Ah Kow"), order=0)
    return item


def publish(client, item, **changes):
    data = page_form(client, change_url(item))
    data["status"] = "published"
    data.update(changes)
    return client.post(change_url(item), data)


def assert_not_saved(item):
    before = item.status
    item.refresh_from_db()
    assert item.status == before == "draft"
    assert item.code is None


# Publications: the clean item, and drafts -----------------------------------------------------


def test_a_complete_item_publishes_without_warnings(staff_client, draft):
    response = publish(staff_client, draft)
    assert response.status_code == 302, response.context and all_errors(response)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.code
    assert warnings_of(response) == []


def test_drafts_and_items_for_review_are_never_checked(staff_client, draft):
    for status in ("draft", "review"):
        response = publish(staff_client, draft, status=status, synopsis="", categories=[])
        assert response.status_code == 302
        draft.refresh_from_db()
        assert (draft.status, draft.synopsis) == (status, "")


# Publications: errors block --------------------------------------------------------------------


def test_no_synopsis_blocks(staff_client, draft):
    response = publish(staff_client, draft, synopsis="   ")
    errors = form_errors(response)
    assert "The synopsis is empty" in " ".join(errors["synopsis"])
    assert "cannot be published yet" in " ".join(errors["__all__"])
    assert "cannot be published yet" in response.content.decode()
    assert_not_saved(draft)


def test_a_synopsis_too_long_blocks(staff_client, draft):
    response = publish(staff_client, draft, synopsis="word " * SUMMARY_MAX_LENGTH)
    assert f"{SUMMARY_MAX_LENGTH} characters or fewer" in " ".join(
        form_errors(response)["synopsis"]
    )
    assert_not_saved(draft)
    just_right = "x" * SUMMARY_MAX_LENGTH
    assert publish(staff_client, draft, synopsis=just_right).status_code == 302


def test_no_category_blocks(staff_client, draft):
    response = publish(staff_client, draft, categories=[])
    assert "at least one" in " ".join(form_errors(response)["categories"])
    assert_not_saved(draft)
    assert draft.categories.count() == 1


def test_categories_chosen_in_the_form_count_before_they_are_saved(staff_client, draft, category):
    draft.categories.clear()
    response = publish(staff_client, draft, categories=[str(category.pk)])
    assert response.status_code == 302
    assert list(draft.categories.all()) == [category]


def test_series_without_disclaimer_blocks(staff_client, draft):
    draft.series.disclaimer = ""
    draft.series.save()
    response = publish(staff_client, draft)
    assert "has no disclaimer" in " ".join(form_errors(response)["series"])
    assert_not_saved(draft)


@pytest.mark.parametrize(
    "href",
    ["http://", "https://exa mple.com", "htp:/x", "www.example.com", "mailto:", "mailto:nobody"],
)
def test_a_malformed_link_in_the_body_blocks(staff_client, draft, href):
    body = f'<p>Read <a href="{href}">the source</a> first.</p>'
    response = publish(staff_client, draft, body=body)
    messages = " ".join(form_errors(response)["body"])
    assert "“the source”" in messages and "not valid" in messages
    assert_not_saved(draft)


def test_well_formed_links_pass(staff_client, draft):
    body = (
        '<p><a href="https://www.example.org/a?b=1#c">a</a> <a href="http://example.org">b</a> '
        '<a href="mailto:media@example.org">c</a> <a href="/publications/">d</a> '
        '<a href="#notes">e</a></p>'
    )
    assert publish(staff_client, draft, body=body).status_code == 302


def test_every_problem_is_shown_at_once(staff_client, draft):
    response = publish(
        staff_client, draft, synopsis="", categories=[], body='<a href="htp:/x">x</a>'
    )
    errors = form_errors(response)
    assert {"synopsis", "categories", "body"} <= set(errors)


def upload():
    return SimpleUploadedFile("ports.jpg", jpeg_bytes(), content_type="image/jpeg")


def image_fields(**values):
    fields = {"image": upload(), "image_alt": "", "image_credit": "", "image_licence": ""}
    fields.update(values)
    return fields


def test_an_image_needs_alt_text_credit_and_licence(staff_client, draft):
    data = page_form(staff_client, change_url(draft))
    has_licence = "image_licence" in data
    response = publish(staff_client, draft, **image_fields())
    errors = form_errors(response)
    assert "no alt text" in " ".join(errors["image_alt"])
    assert "no credit" in " ".join(errors["image_credit"])
    if has_licence:
        assert "no licence" in " ".join(errors["image_licence"])
    else:  # not on the page: said at the top
        assert "no licence" in " ".join(errors["__all__"])
    assert_not_saved(draft)
    assert not draft.image


def test_an_image_with_alt_credit_and_licence_publishes(staff_client, draft):
    data = page_form(staff_client, change_url(draft))
    if "image_licence" not in data:
        draft.image_licence = "© RSIS"
        draft.save()
    fields = image_fields(
        image_alt="Container cranes at dusk", image_credit="RSIS", image_licence="© RSIS"
    )
    response = publish(staff_client, draft, **fields)
    assert response.status_code == 302, all_errors(response)
    draft.refresh_from_db()
    assert draft.image and draft.status == "published"


# Publications: warnings allow publishing and are said ---------------------------------------


def test_body_image_without_alt_warns(staff_client, draft):
    name = default_storage.save("library/chart.png", ContentFile(jpeg_bytes()))
    body = f'<p>Text.</p><img src="/media-files/{name}">'
    response = publish(staff_client, draft, body=body)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert any("no alt text" in w and "chart.png" in w for w in warnings_of(response))


def test_no_author_warns(staff_client, draft):
    data = page_form(staff_client, change_url(draft))
    data["authorships-0-DELETE"] = "on"
    data["status"] = "published"
    response = staff_client.post(change_url(draft), data)
    assert response.status_code == 302
    assert draft.authorships.count() == 0
    assert any("No author" in w for w in warnings_of(response))


def test_empty_body_without_pdf_warns(staff_client, draft):
    response = publish(staff_client, draft, body="")
    assert response.status_code == 302
    assert any("body is empty and there is no PDF" in w for w in warnings_of(response))


# Events and media items -------------------------------------------------------------------------


def test_event_checks(staff_client, db):
    event = EventFactory(status="draft", summary="A seminar on ports.")
    response = publish(staff_client, event, description='<p><a href="htp:/x">x</a></p>')
    assert "not valid" in " ".join(form_errors(response)["description"])
    response = publish(staff_client, event, image=upload(), image_alt="")
    assert "no alt text" in " ".join(form_errors(response)["image_alt"])
    event.refresh_from_db()
    assert event.status == "draft"
    response = publish(staff_client, event)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "published"


def test_media_item_checks(staff_client, db):
    item = MediaItemFactory(status="draft", summary="")
    data = page_form(staff_client, change_url(item))
    data["status"] = "published"
    response = staff_client.post(change_url(item), data)
    assert "summary is empty" in " ".join(form_errors(response)["summary"])
    item.refresh_from_db()
    assert item.status == "draft"
    data["status"] = "draft"
    assert staff_client.post(change_url(item), data).status_code == 302  # unpublished: fine
    data = page_form(staff_client, change_url(item))  # the page as it is after that save
    data.update(status="published", summary="What was said.")
    assert staff_client.post(change_url(item), data).status_code == 302
    item.refresh_from_db()
    assert item.status == "published"


# The report itself ------------------------------------------------------------------------------


def test_publishable_gives_the_reasons(draft):
    assert publishable(draft) == (True, [])
    draft.synopsis = ""
    draft.categories.clear()
    ok, reasons = publishable(draft)
    assert not ok
    assert len(reasons) == 2 and all(isinstance(r, str) for r in reasons)


def test_categories_passed_by_the_caller_win(draft, category):
    draft.categories.clear()
    assert prepublish_report(draft).errors
    assert prepublish_report(draft, categories=[category]).ok


def test_demo_content_passes(demo_content):
    for model in (Publication, Event, MediaItem):
        for item in model.objects.all():
            assert publishable(item) == (True, []), item


@pytest.mark.parametrize(
    ("href", "ok"),
    [
        ("https://www.rsis.edu.sg/", True),
        ("HTTPS://WWW.RSIS.EDU.SG/", True),
        ("mailto:a@example.org,b@example.org?subject=Hi", True),
        ("/p/CO21113/", True),
        ("#top", True),
        ("//example.org/x", False),
        ("javascript:alert(1)", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_link_rules(href, ok):
    assert (link_problem(href) is None) is ok
