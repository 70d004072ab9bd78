import datetime

import feedparser
import pytest
from django.utils import timezone

from tests.factories import AuthorshipFactory, PersonFactory, PublicationFactory
from tests.hostile import HOSTILE, assert_feed_shows_as_typed

FEEDS = [
    "/feeds/publications/{}/",
    "/feeds/series/commentaries/{}/",
    "/feeds/categories/country-and-region-studies/{}/",
    "/feeds/tags/russia/{}/",
    "/feeds/authors/chris-cheang/{}/",
]


@pytest.fixture
def three(lavrov, regions, author):
    """Three public items by Chris Cheang, two with an outside co-author; newest first."""
    newer = PublicationFactory(
        series=lavrov.series,
        title="Newer",
        publication_date=datetime.date(2022, 1, 10),
        published_at=timezone.make_aware(datetime.datetime(2022, 1, 10, 14, 30)),
    )
    older = PublicationFactory(
        series=lavrov.series, title="Older", publication_date=datetime.date(2020, 3, 3)
    )
    for item in (newer, older):
        AuthorshipFactory(publication=item, person=author, order=0)
        AuthorshipFactory(publication=item, person=None, name="Jane Roe", order=1)
        item.categories.set([regions["europe"]])
        item.tags.add("Russia")
    return [newer, lavrov, older]


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_cleanly_with_items_in_order(visitor, three, url, kind):
    response = visitor.get(url.format(kind))
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert [entry.title for entry in parsed.entries] == [
        f"{item.code} | {item.title}" for item in three
    ]
    newest = parsed.entries[0]
    assert newest.link == "http://testserver" + three[0].get_absolute_url()
    assert newest.published_parsed[:5] == (2022, 1, 10, 6, 30)  # 14:30 in Singapore
    assert [author.name for author in newest.authors] == ["Chris Cheang", "Jane Roe"]
    assert parsed.entries[2].published_parsed[:3] == (2020, 3, 3)
    assert newest.summary == three[0].synopsis


def test_feed_ids_are_stable_across_address_changes(visitor, three):
    before = feedparser.parse(visitor.get("/feeds/publications/atom/").content).entries[0].id
    three[0].slug = "renamed"
    three[0].save()
    after = feedparser.parse(visitor.get("/feeds/publications/atom/").content).entries[0]
    assert after.id == before
    assert after.link.endswith("/publications/commentaries/renamed/")


def test_feed_is_limited_to_the_latest_twenty(visitor, lavrov):
    for n in range(25):
        PublicationFactory(
            series=lavrov.series, publication_date=datetime.date(2023, 1, 1) + datetime.timedelta(n)
        )
    parsed = feedparser.parse(visitor.get("/feeds/publications/rss/").content)
    assert len(parsed.entries) == 20
    assert parsed.entries[0].published_parsed[:3] == (2023, 1, 25)


def test_category_feed_includes_descendants(visitor, three):
    parsed = feedparser.parse(
        visitor.get("/feeds/categories/country-and-region-studies/rss/").content
    )
    assert len(parsed.entries) == 3
    europe = feedparser.parse(
        visitor.get("/feeds/categories/country-and-region-studies/europe/rss/").content
    )
    assert len(europe.entries) == 3
    ipe = feedparser.parse(
        visitor.get("/feeds/categories/international-political-economy/rss/").content
    )
    assert [e.title for e in ipe.entries] == [f"{three[1].code} | {three[1].title}"]


def test_author_feed_has_only_their_work(visitor, three):
    other = PersonFactory(slug="farah-aziz")
    solo = PublicationFactory(series=three[0].series, title="Solo")
    AuthorshipFactory(publication=solo, person=other)
    parsed = feedparser.parse(visitor.get("/feeds/authors/farah-aziz/atom/").content)
    assert [e.title for e in parsed.entries] == [f"{solo.code} | Solo"]
    assert parsed.feed.title == "RSIS Publications by " + other.name


def test_list_pages_link_their_feeds_in_head(visitor, three):
    pages = {
        "/publications/": "/feeds/publications/rss/",
        "/publications/commentaries/": "/feeds/series/commentaries/rss/",
        "/categories/country-and-region-studies/europe/": (
            "/feeds/categories/country-and-region-studies/europe/rss/"
        ),
        "/tags/russia/": "/feeds/tags/russia/rss/",
        "/staff/people/chris-cheang/": "/feeds/authors/chris-cheang/rss/",
    }
    for page, feed in pages.items():
        html = visitor.get(page).content.decode()
        head = html[: html.index("</head>")]
        assert 'type="application/rss+xml" title="' in head and f'href="{feed}"' in head, page


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("url", FEEDS)
def test_feeds_show_markup_in_titles_and_synopses_as_typed(visitor, three, url, kind):
    for item, text in zip(three, HOSTILE, strict=False):
        item.title = f"On {text} and more"
        item.synopsis = f"Why {text} matters & how.\nA second line."
        item.save()

    response = visitor.get(url.format(kind))

    assert response.status_code == 200
    assert_feed_shows_as_typed(response.content, HOSTILE)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_control_characters_in_names_saved_around_the_model_do_not_break_feeds(
    visitor, lavrov, author, kind
):
    from publications.models import Series
    from staff.models import Person

    Person.objects.filter(pk=author.pk).update(name="Chris\x01Cheang")
    Series.objects.filter(pk=lavrov.series_id).update(name="Comment\x0baries")

    response = visitor.get(f"/feeds/publications/{kind}/")

    assert response.status_code == 200
    entry = feedparser.parse(response.content).entries[0]
    assert entry.author == "Chris Cheang"
    assert entry.tags[0].term == "Comment aries"
