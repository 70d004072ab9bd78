"""Wherever editors choose a category, it is named after its parents: “Country and Region
Studies › Southeast Asia and ASEAN”, not a bare “Europe” that could be anywhere in the tree."""

import json
import re

import pytest

from tests.factories import PublicationFactory

PUBLICATIONS = "/admin/publications/publication/"
SEA = "Country and Region Studies › Southeast Asia and ASEAN"
EUROPE = "Country and Region Studies › Europe"
IPE = "International Political Economy"


def options(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def autocomplete(client, term):
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "publications",
            "model_name": "publication",
            "field_name": "categories",
            "term": term,
        },
    )
    assert response.status_code == 200
    return [result["text"] for result in json.loads(response.content)["results"]]


@pytest.fixture
def item(regions, commentaries):
    publication = PublicationFactory(series=commentaries, title="Ports and Power")
    publication.categories.set([regions["sea"], regions["ipe"]])
    return publication


def test_the_publication_form_names_its_categories_with_their_paths(editor_client, item):
    html = editor_client.get(f"{PUBLICATIONS}{item.pk}/change/").content.decode()
    assert options(html, "categories") == [SEA, IPE]


def test_the_category_search_names_what_it_finds_with_its_path(contributor_client, regions):
    assert autocomplete(contributor_client, "Europe") == [EUROPE]
    # The parent's name finds its children too.
    assert autocomplete(contributor_client, "Region Studies") == [
        "Country and Region Studies",
        EUROPE,
        SEA,
    ]


def test_the_bulk_category_actions_name_categories_with_their_paths(editor_client, item):
    data = {"action": "bulk_add_category", "_selected_action": [str(item.pk)]}
    html = editor_client.post(PUBLICATIONS, data).content.decode()
    assert options(html, "choice")[1:] == ["Country and Region Studies", EUROPE, SEA, IPE]
    data["action"] = "bulk_remove_category"
    html = editor_client.post(PUBLICATIONS, data).content.decode()
    assert options(html, "choice")[1:] == [SEA, IPE]


def test_a_categorys_parent_is_chosen_by_its_path(editor_client, regions):
    html = editor_client.get(
        f"/admin/publications/category/{regions['ipe'].pk}/change/"
    ).content.decode()
    assert SEA in options(html, "parent")


def test_a_renamed_parent_is_named_at_once(editor_client, regions):
    axis = regions["axis"]
    axis.name = "Regions"
    axis.save()
    assert autocomplete(editor_client, "Europe") == ["Regions › Europe"]
