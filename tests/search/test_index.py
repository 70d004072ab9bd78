"""The search entries follow every change to what an item's document shows."""

import re

import pytest
from django.core.management import call_command
from taggit.models import Tag

from publications.models import Publication
from search.models import SearchEntry
from tests.factories import (
    AuthorshipFactory,
    EventFactory,
    EventSpeakerFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def titles(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_index_follows_edits_of_an_item(client, corpus):
    lavrov = corpus["lavrov"]
    lavrov.title = "Moscow Looks South"
    lavrov.save()

    assert titles(client, "Moscow") == ["Moscow Looks South"]
    assert "Moscow Looks South" not in titles(client, "Lavrov")


def test_index_forgets_deleted_items(client, corpus):
    pk = corpus["energy"].pk
    corpus["energy"].delete()

    assert not SearchEntry.objects.filter(kind="publication", object_id=pk).exists()


def test_index_follows_authors_and_renamed_people(client, corpus):
    AuthorshipFactory(publication=corpus["energy"], person=PersonFactory(name="Ada Quill"))
    assert "Europe’s Energy Transition" in titles(client, "Quill")

    tan = corpus["tan"]
    tan.name = "Tan Wei Ming"
    tan.save()

    assert "Europe’s Energy Transition" in titles(client, "Ming")
    corpus["energy"].authorships.all().delete()
    assert "Europe’s Energy Transition" not in titles(client, "Ming")


def test_index_follows_categories_and_tags(client, corpus):
    energy = corpus["energy"]
    energy.tags.add("Hydrogen")
    assert titles(client, "hydrogen") == ["Europe’s Energy Transition"]

    tag = Tag.objects.get(name="Hydrogen")
    tag.name = "Ammonia"
    tag.save()
    assert titles(client, "ammonia") == ["Europe’s Energy Transition"]

    energy.tags.clear()
    assert titles(client, "ammonia") == []

    corpus["europe"].publications.add(corpus["fisheries"])  # from the category's side
    europe = corpus["europe"]
    europe.name = "Continental Europe"
    europe.save()
    assert "Fisheries Cooperation in the Gulf of Thailand" in titles(client, "continental")


def test_index_follows_event_speakers(client, corpus):
    event = EventFactory(title="Energy Talk")
    EventSpeakerFactory(event=event, person=None, name="Bertha Vantage")

    assert titles(client, "Vantage") == ["Energy Talk"]


def test_rebuild_search_indexes_bulk_created_items(client, corpus):
    Publication.objects.bulk_create(
        [
            Publication(
                series=corpus["reports"],
                title="Bulk Loaded Zeppelin",
                slug="bulk",
                status="published",
                published_at=corpus["lavrov"].published_at,
            )
        ]
    )
    SearchEntry.objects.filter(kind="person").delete()
    assert titles(client, "zeppelin") == []

    call_command("rebuild_search", verbosity=0)

    assert titles(client, "zeppelin") == ["Bulk Loaded Zeppelin"]
    assert titles(client, "Cheang")[0] == "Chris Cheang"


def entry(kind, pk):
    return SearchEntry.objects.get(kind=kind, object_id=pk)


def test_deleting_a_category_takes_its_name_out_of_the_documents(client, corpus):
    corpus["europe"].delete()
    assert "Europe" not in entry("publication", corpus["energy"].pk).keywords
    assert titles(client, "Europe") == ["Europe’s Energy Transition"]  # its title, still


def test_renaming_an_area_of_expertise_follows_into_the_profiles(client, corpus):
    from staff.models import ExpertiseArea

    corpus["cheang"].expertise.add("Russian foreign policy")
    area = ExpertiseArea.objects.get(name="Russian foreign policy")
    area.name = "Eurasian diplomacy"
    area.save()
    keywords = entry("person", corpus["cheang"].pk).keywords
    assert "Eurasian diplomacy" in keywords and "Russian foreign policy" not in keywords


def test_renaming_or_deleting_a_centre_follows_into_its_events(client, corpus):
    from tests.factories import CentreFactory

    centre = CentreFactory(name="Centre for Maritime Security", slug="cms")
    event = EventFactory(status="published", slug="straits-talk", centre=centre)
    assert "Centre for Maritime Security" in entry("event", event.pk).keywords
    centre.name = "Maritime Security Programme"
    centre.save()
    assert "Maritime Security Programme" in entry("event", event.pk).keywords
    centre.delete()
    assert "Maritime Security Programme" not in entry("event", event.pk).keywords


def test_a_new_honorific_follows_into_the_events_that_print_it(client, corpus):
    cheang = corpus["cheang"]
    event = EventFactory(status="published", slug="lecture")
    EventSpeakerFactory(event=event, person=cheang)
    cheang.honorific = "Ambassador"
    cheang.save()
    assert "Ambassador" in entry("event", event.pk).names
