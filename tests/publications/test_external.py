import re

from tests.factories import ExternalPublicationFactory


def titles(html):
    return re.findall(r'class="pub-card__title">(?:<a [^>]+>)?([^<]+)<', html)


def test_external_publications_by_kind_and_year(visitor, site_facts, author):
    ExternalPublicationFactory(kind="op-eds", year=2021, title="An op-ed").people.add(author)
    ExternalPublicationFactory(kind="journal-articles", year=2020, title="An article")
    ExternalPublicationFactory(kind="op-eds", year=2020, title="Hidden op-ed", published=False)
    assert titles(visitor.get("/external-publications/").content.decode()) == [
        "An op-ed",
        "An article",
    ]
    html = visitor.get("/external-publications/op-eds/").content.decode()
    assert titles(html) == ["An op-ed"]
    assert f'<a href="{author.get_absolute_url()}">{author.name}</a>' in html
    assert titles(visitor.get("/external-publications/?year=2020").content.decode()) == [
        "An article"
    ]
    assert titles(visitor.get("/external-publications/op-eds/?year=2020").content.decode()) == []
    years = visitor.get("/external-publications/year/").content.decode()
    assert re.findall(r'href="/external-publications/\?year=(\d+)"', years) == ["2021", "2020"]


def test_external_work_shows_on_the_profile(visitor, site_facts, author):
    ExternalPublicationFactory(
        kind="op-eds", year=2021, title="An op-ed", venue="The Straits Times"
    ).people.add(author)
    html = visitor.get(author.get_absolute_url()).content.decode()
    assert "Published elsewhere" in html and "The Straits Times" in html
