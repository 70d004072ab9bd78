"""An event's image carries a credit and a licence, as a publication's does: asked for in the
admin, shown under the image on the event's page, and required by the pre-publish check."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile

from editorial.checks import prepublish_report
from events.models import Event
from tests.factories import EventFactory, jpeg_bytes

LIST_URL = "/admin/events/event/"


def with_image(event, **fields):
    event.image.save("seminar.jpg", ContentFile(jpeg_bytes(1600, 900)), save=False)
    for name, value in {"image_alt": "Speakers on the stage", **fields}.items():
        setattr(event, name, value)
    event.save()
    return event


def figure_of(html):
    return re.search(r'<figure class="publication__image">.*?</figure>', html, re.S).group(0)


def test_the_event_page_shows_the_credit_and_licence_under_the_image(visitor, site_facts):
    event = with_image(EventFactory(), image_credit="Reuters", image_licence="Used with permission")
    html = visitor.get(event.get_absolute_url()).content.decode()
    figure = figure_of(html)
    assert figure.index("<img") < figure.index("<figcaption>")
    assert "<figcaption>Reuters, Used with permission</figcaption>" in figure


def test_a_credit_the_licence_repeats_is_said_once(visitor, site_facts):
    event = with_image(EventFactory(), image_credit="RSIS", image_licence="© RSIS")
    figure = figure_of(visitor.get(event.get_absolute_url()).content.decode())
    assert "<figcaption>© RSIS</figcaption>" in figure
    assert "RSIS, © RSIS" not in figure


def test_an_image_without_credit_or_licence_has_no_caption(visitor, site_facts):
    event = with_image(EventFactory())
    assert "<figcaption>" not in figure_of(visitor.get(event.get_absolute_url()).content.decode())


def test_the_event_form_asks_for_the_credit_and_licence_after_the_description(
    administrator_client,
):
    event = EventFactory()
    html = administrator_client.get(f"{LIST_URL}{event.pk}/change/").content.decode()
    for field in ("image", "image_alt", "image_credit", "image_licence"):
        assert f'name="{field}"' in html
    assert html.index('name="image_alt"') < html.index('name="image_credit"')
    assert html.index('name="image_credit"') < html.index('name="image_licence"')
    assert '<label for="id_image_credit">Image credit:</label>' in html
    assert '<label for="id_image_licence">Image licence:</label>' in html


@pytest.mark.parametrize(
    ("missing", "message"),
    [("image_credit", "The image has no credit"), ("image_licence", "The image has no licence")],
)
def test_the_pre_publish_check_asks_for_the_credit_and_licence(db, missing, message):
    fields = {"image_credit": "Reuters", "image_licence": "Used with permission", missing: ""}
    event = with_image(EventFactory(status="draft"), **fields)
    report = prepublish_report(event)
    assert [p.field for p in report.problems if p.level == "error"] == [missing]
    assert message in " ".join(report.errors)
    complete = with_image(EventFactory(status="draft"), image_credit="RSIS", image_licence="© RSIS")
    assert prepublish_report(complete).errors == []


def test_publishing_from_the_list_refuses_an_image_without_credit(editor_client):
    event = with_image(EventFactory(status="draft", title="Ports and Power"))
    response = editor_client.post(
        LIST_URL, {"action": "publish", "_selected_action": [str(event.pk)]}, follow=True
    )
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "“Ports and Power” was not published" in said
    assert "no credit" in said and "no licence" in said
    assert Event.objects.get(pk=event.pk).status == "draft"
