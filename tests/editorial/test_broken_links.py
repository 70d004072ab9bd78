"""The list of broken links across the site, for editors: links in the texts readers can see
that lead to items or pages of this site readers cannot open."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EventFactory, MenuItemFactory, PublicationFactory, SeriesFactory

PAGE = "/admin/editorial/broken-links/"


def rows(response):
    """``[(item, link words, address)]`` of the list."""
    page = response.content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        item = re.search(r'<th scope="row">\s*<a href="[^"]*">([^<]*)</a>', row).group(1)
        words = re.search(r"<td>(.*?)</td>", row, re.S).group(1)
        address = re.search(r"<code>(.*?)</code>", row).group(1)
        found.append((item, words.replace("&ldquo;", "“").replace("&rdquo;", "”"), address))
    return found


@pytest.fixture
def series(db):
    return SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")


@pytest.fixture
def targets(series):
    return {
        "public": PublicationFactory(series=series, slug="open-seas", code="CO21001"),
        "withdrawn": PublicationFactory(
            series=series, slug="old-news", code="CO21002", status="withdrawn"
        ),
    }


def linking(series, n, href, words="the earlier piece", **fields):
    return PublicationFactory(
        **{
            "series": series,
            "title": f"Linking piece {n}",
            "slug": f"linking-{n}",
            "code": f"CO21{100 + n}",
            "body": f'<p>As argued in <a href="{href}">{words}</a>, ports matter.</p>',
            **fields,
        }
    )


def test_lists_a_link_to_a_withdrawn_item_and_not_one_to_a_public_item(
    editor_client, series, targets
):
    linking(series, 1, "/p/CO21002/", words="the withdrawn piece")
    linking(series, 2, targets["public"].get_absolute_url(), words="the public piece")
    linking(series, 3, "/p/CO21002/", status="draft", code=None, published_at=None)

    response = editor_client.get(PAGE)

    assert response.status_code == 200
    assert rows(response) == [("CO21101 | Linking piece 1", "“the withdrawn piece”", "/p/CO21002/")]
    page = response.content.decode()
    assert "1 broken link." in page
    assert "“…As argued in the withdrawn piece, ports matter.”" not in page  # not cut: short
    assert "As argued in the withdrawn piece, ports matter." in page


def test_lists_broken_links_of_events_and_content_pages_and_gone_pictures(
    editor_client, series, targets
):
    EventFactory(
        title="Port seminar",
        description='<p>Background: <a href="/publications/commentaries/old-news/">notes</a>.</p>',
    )
    MenuItemFactory(
        title="About",
        slug="about-rsis",
        body='<p>Our logo:</p><img src="/media-files/library/gone.png" alt="The RSIS logo">',
    )

    found = rows(editor_client.get(PAGE))

    assert sorted(found) == [
        ("About", "A picture", "/media-files/library/gone.png"),
        ("Port seminar", "“notes”", "/publications/commentaries/old-news/"),
    ]


def test_says_so_when_nothing_is_broken(editor_client, series, targets):
    linking(series, 1, "/p/CO21001/")

    response = editor_client.get(PAGE)

    assert rows(response) == []
    assert "No broken links" in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_items(editor_client, series, targets):
    linking(series, 1, "/p/CO21002/")
    linking(series, 11, "/publications/commentaries/old-news/")
    EventFactory(description='<p><a href="/events/no-such-event/">x</a></p>')
    editor_client.get(PAGE)  # the menu is read once
    with CaptureQueriesContext(connection) as one:
        assert len(rows(editor_client.get(PAGE))) == 3

    for n in range(2, 6):
        linking(series, n, "/p/CO21002/")
        linking(series, 10 + n, "/publications/commentaries/old-news/")
        EventFactory(description=f'<p><a href="/events/no-such-event-{n}/">x</a></p>')
    editor_client.get(PAGE)  # the menu is read again once the content has changed
    with CaptureQueriesContext(connection) as many:
        assert len(rows(editor_client.get(PAGE))) == 15

    assert len(many) == len(one)


def test_the_editorial_section_links_to_it_for_editors_only(
    editor_client, contributor_client, administrator_client, db
):
    for client in (editor_client, administrator_client):
        assert f'<a href="{PAGE}"' in client.get("/admin/").content.decode()
        assert f'<a href="{PAGE}"' in client.get("/admin/editorial/").content.decode()
    assert PAGE not in contributor_client.get("/admin/").content.decode()


def test_contributors_and_visitors_are_refused(contributor_client, client, db):
    assert contributor_client.get(PAGE).status_code == 403
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
