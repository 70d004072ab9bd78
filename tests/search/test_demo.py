"""Done when: the header's search finds the seed's Commentary by its code, its subject's name,
two words, and a misspelling of the name."""

import pytest

pytestmark = pytest.mark.django_db

COMMENTARY = "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/"


def test_demo_content_is_found_from_the_header(client, demo_content):
    html = client.get("/").content.decode()
    assert 'id="header-q" type="search" name="q"' in html

    response = client.get("/search/", {"q": "CO21113"})
    assert response.status_code == 302
    assert response["Location"] == COMMENTARY
    for query in ("Lavrov", "Lavrov ASEAN", "Lavorv"):
        found = client.get("/search/", {"q": query}).content.decode()
        assert f'<h2><a href="{COMMENTARY}">' in found, query
