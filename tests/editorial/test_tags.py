"""The tags admin: usage counts, finding duplicates, and merging "ASEAN" with "Asean"."""

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from core.content_cache import GENERATION_KEY, current_generation
from tests.factories import PublicationFactory, SeriesFactory

TAGS = "/admin/taggit/tag/"


@pytest.fixture
def tagged(db):
    """Two items tagged "ASEAN", two "Asean" (one of them both), one "Russia"."""
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    items = [PublicationFactory(series=series, title=f"Item {n}") for n in range(4)]
    items[0].tags.add("ASEAN")
    items[1].tags.add("ASEAN", "Russia")
    items[2].tags.add("Asean")
    items[3].tags.add("Asean")
    items[1].tags.add("Asean")
    return items


def tag(name):
    return Tag.objects.get(name=name)


def merge(client, names, keep, **extra):
    selected = [tag(name).pk for name in names]
    data = {"action": "merge_selected", "_selected_action": selected}
    page = client.post(TAGS, data)
    assert page.status_code == 200
    assert "Tag to keep" in page.content.decode()
    data.update(apply="yes", keep=tag(keep).pk if keep else "", **extra)
    return client.post(TAGS, data)


def test_list_shows_usage_in_a_fixed_number_of_queries(staff_client, tagged):
    staff_client.get(TAGS)
    with CaptureQueriesContext(connection) as few:
        response = staff_client.get(TAGS)
    content = response.content.decode()
    assert "3 items" in content and "1 item<" in content
    for n in range(5):
        tagged[0].tags.add(f"Extra {n}")
    with CaptureQueriesContext(connection) as more:
        staff_client.get(TAGS)
    assert len(more) == len(few)


def test_search_and_duplicate_filter(staff_client, tagged):
    response = staff_client.get(TAGS, {"q": "rus"})
    assert [t.name for t in response.context["cl"].result_list] == ["Russia"]
    response = staff_client.get(TAGS, {"duplicates": "case"})
    assert sorted(t.name for t in response.context["cl"].result_list) == ["ASEAN", "Asean"]


def test_merge_asean_keeps_one_tag_per_item(staff_client, tagged):
    generation = current_generation()
    response = merge(staff_client, ["ASEAN", "Asean"], keep="ASEAN")
    assert response.status_code == 302
    assert not Tag.objects.filter(name="Asean").exists()
    asean = tag("ASEAN")
    for item in tagged:
        assert [t for t in item.tags.all() if t.name.lower() == "asean"] == [asean]
    assert TaggedItem.objects.filter(tag=asean).count() == 4
    assert sorted(tagged[1].tags.names()) == ["ASEAN", "Russia"]
    assert cache.get(GENERATION_KEY) != generation
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Merged “Asean” into “ASEAN”" in message
    version = Version.objects.get_for_object(tagged[3]).select_related("revision").first()
    assert version.revision.comment == "Merged tag(s) “Asean” into “ASEAN”"


def test_the_tag_page_shows_every_merged_item(staff_client, visitor, tagged):
    assert visitor.get("/tags/asean/").status_code == 200
    merge(staff_client, ["ASEAN", "Asean"], keep="ASEAN")
    content = visitor.get("/tags/asean/").content.decode()
    for item in tagged:
        assert item.title in content


def test_merge_needs_a_choice_among_the_selected(staff_client, tagged):
    for keep in ("", str(tag("Russia").pk), "999999", "abc"):
        data = {
            "action": "merge_selected",
            "_selected_action": [tag("ASEAN").pk, tag("Asean").pk],
            "apply": "yes",
            "keep": keep,
        }
        response = staff_client.post(TAGS, data)
        assert response.status_code == 200
        assert response.context["form"].errors["keep"]
    assert Tag.objects.count() == 3


def test_merging_one_tag_is_refused(staff_client, tagged):
    response = staff_client.post(
        TAGS, {"action": "merge_selected", "_selected_action": [tag("ASEAN").pk]}
    )
    assert response.status_code == 302
    assert Tag.objects.count() == 3


def test_contributors_may_not_merge(contributor_client, tagged):
    response = contributor_client.get(TAGS)
    assert response.status_code == 200
    form = response.context["action_form"]
    assert not form or "merge_selected" not in dict(form.fields["action"].choices)
    forged = contributor_client.post(
        TAGS,
        {
            "action": "merge_selected",
            "_selected_action": [tag("ASEAN").pk, tag("Asean").pk],
            "apply": "yes",
            "keep": tag("ASEAN").pk,
        },
    )
    assert forged.status_code == 403
    assert Tag.objects.filter(name="Asean").exists()


def test_editors_may_merge(editor_client, tagged):
    assert merge(editor_client, ["ASEAN", "Asean"], keep="Asean").status_code == 302
    assert list(Tag.objects.filter(name__iexact="asean").values_list("name", flat=True)) == [
        "Asean"
    ]
    assert TaggedItem.objects.filter(tag__name="Asean").count() == 4


def test_merged_items_are_found_under_the_kept_tag(staff_client, tagged):
    from search.models import SearchEntry

    merge(staff_client, ["ASEAN", "Asean"], keep="ASEAN")
    for item in tagged:
        keywords = SearchEntry.objects.get(kind="publication", object_id=item.pk).keywords
        assert "ASEAN" in keywords and "Asean" not in keywords
