import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event
from tests.events.conftest import at
from tests.factories import EventFactory, EventSpeakerFactory, PersonFactory, jpeg_bytes

ADD_URL = "/admin/events/event/add/"
LIST_URL = "/admin/events/event/"


def event_form(**overrides):
    data = {
        "title": "Ports and Power",
        "slug": "ports-and-power",
        "kind": "seminar",
        "status": "published",
        "centre": "",
        "start_0": "2026-03-10",
        "start_1": "09:30:00",
        "end_0": "2026-03-10",
        "end_1": "11:00:00",
        "venue": "Seminar Room 1",
        "online_url": "",
        "summary": "Why ports matter.",
        "description": "<p>Programme<script>alert(1)</script></p>",
        "image_alt": "",
        "registration_url": "",
        "registration_deadline_0": "",
        "registration_deadline_1": "",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def speaker_rows(*rows):
    data = {"speakers-TOTAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        data.update({f"speakers-{i}-{key}": value for key, value in row.items()})
    return data


def form_errors(response):
    return response.context["adminform"].form.errors


def test_admin_adds_an_event_in_singapore_time_with_speakers(staff_client, clock, idss):
    person = PersonFactory()
    data = event_form(
        centre=str(idss.pk),
        **speaker_rows(
            {"order": "0", "person": str(person.pk), "role": "Chair"},
            {"order": "1", "name": "Jane Roe", "affiliation": "Example University"},
        ),
    )
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert event.start == datetime.datetime(2026, 3, 10, 1, 30, tzinfo=datetime.UTC)
    assert "<script>" not in event.description
    assert [s.display_name for s in event.speakers.all()] == [person.name, "Jane Roe"]
    assert event.published_at == datetime.datetime(2026, 3, 2, 4, tzinfo=datetime.UTC)


def test_admin_rejects_an_end_before_the_start(staff_client, clock):
    response = staff_client.post(ADD_URL, event_form(end_0="2026-03-09"))
    assert response.status_code == 200
    assert form_errors(response)["end"] == ["The event cannot end before it starts."]
    assert not Event.objects.exists()


def test_admin_needs_a_venue_or_link_to_publish(staff_client, clock):
    response = staff_client.post(ADD_URL, event_form(venue=""))
    assert "venue" in form_errors(response)
    draft = staff_client.post(ADD_URL, event_form(venue="", status="draft"))
    assert draft.status_code == 302
    online = staff_client.post(
        ADD_URL, event_form(venue="", slug="online", online_url="https://example.org/live")
    )
    assert online.status_code == 302


def test_admin_rejects_a_deadline_after_the_end(staff_client, clock):
    data = event_form(
        registration_url="https://example.org/register",
        registration_deadline_0="2026-03-11",
        registration_deadline_1="09:00:00",
    )
    response = staff_client.post(ADD_URL, data)
    assert "registration_deadline" in form_errors(response)


def test_admin_speaker_needs_exactly_one_of_person_or_name(staff_client, clock):
    person = PersonFactory()
    for row in ({"order": "1"}, {"order": "0", "person": str(person.pk), "name": "Someone"}):
        response = staff_client.post(ADD_URL, event_form(**speaker_rows(row)))
        assert response.status_code == 200
        errors = response.context["inline_admin_formsets"][0].formset.errors
        assert "Choose a member of staff or type an outside speaker's name." in str(errors)
    assert not Event.objects.exists()


def test_admin_accepts_a_real_image_and_rejects_a_fake_one(staff_client, clock):
    fake = SimpleUploadedFile("x.jpg", b"GIF89a nonsense", "image/jpeg")
    response = staff_client.post(ADD_URL, event_form(image=fake))
    assert response.status_code == 200
    assert "image" in form_errors(response)
    assert not Event.objects.exists()
    real = SimpleUploadedFile("photo.jpg", jpeg_bytes(1200, 700), "image/jpeg")
    response = staff_client.post(
        ADD_URL,
        event_form(image=real, image_alt="A harbour", image_credit="RSIS", image_licence="© RSIS"),
    )
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().image.name.endswith(".jpg")


def test_admin_actions_publish_and_cancel(staff_client, clock, site_facts):
    drafts = [EventFactory(status="draft", start=at(n + 1)) for n in range(2)]
    incomplete = EventFactory(status="draft", venue="", start=at(3))
    pks = [str(event.pk) for event in [*drafts, incomplete]]
    response = staff_client.post(
        LIST_URL, {"action": "publish", "_selected_action": pks}, follow=True
    )
    statuses = dict(Event.objects.values_list("pk", "status"))
    assert [statuses[event.pk] for event in drafts] == ["published", "published"]
    assert statuses[incomplete.pk] == "draft"
    assert "was not published" in response.content.decode()
    assert all(Event.objects.get(pk=event.pk).published_at for event in drafts)
    staff_client.post(LIST_URL, {"action": "cancel", "_selected_action": pks[:2]})
    assert set(Event.objects.filter(pk__in=pks[:2]).values_list("status", flat=True)) == {
        "cancelled"
    }


@pytest.mark.parametrize(
    "query",
    ["", "?q=Guest+Speaker", "?q=Ports", "?status__exact=cancelled", "?kind__exact=lecture",
     "?year=2026", "?year=abc", "?year=%C2%B2", "?start__year=2026&start__month=3"],
)  # fmt: skip
def test_admin_list_search_filters_and_hierarchy(staff_client, clock, site_facts, idss, query):
    event = EventFactory(title="Ports and Power", centre=idss, start=at(3))
    EventSpeakerFactory(event=event, person=None, name="Guest Speaker", affiliation="U")
    response = staff_client.get(LIST_URL + query)
    assert response.status_code == 200, query
    html = response.content.decode()
    if query in ("", "?q=Guest+Speaker", "?q=Ports", "?year=2026"):
        assert "Ports and Power" in html
        assert "5 Mar 2026, 10:00" in html  # start shown in Singapore time
    if query == "?status__exact=cancelled":
        assert "Ports and Power" not in html


def test_admin_change_page_has_preview_and_autocomplete(staff_client, clock, site_facts):
    event = EventFactory(status="draft")
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert f'href="{event.get_absolute_url()}"' in html and ">Preview<" in html
    assert "data-autocomplete-light-url" in html or "admin-autocomplete" in html
    assert staff_client.get(event.get_absolute_url()).status_code == 200
