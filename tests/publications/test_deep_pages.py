"""Every page of a long list, the last one included, is read from a known key (keyset) and
shows exactly what reading by offset would; bad page numbers keep their clear answers."""

import datetime
import re

import pytest
from django.utils import timezone

from core.pagination import Positions, keyset_positions
from core.years import distinct_years
from publications import queries
from publications.filters import PublicationFilter
from publications.models import Authorship, Publication
from tests.factories import PublicationFactory

PER_PAGE = 20


def titles(response):
    return re.findall(
        r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def crowd(series, n, *, start=0, person=None, category=None, per_day=7):
    """``n`` public items, ``per_day`` to a day, so that many pages begin and end inside a
    day and the id decides the order."""
    now = timezone.now() - datetime.timedelta(hours=1)
    items = Publication.objects.bulk_create(
        Publication(
            series=series,
            title=f"Item {i:04d}",
            slug=f"item-{i}",
            publication_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=i // per_day),
            status="published",
            published_at=now,
        )
        for i in range(start, start + n)
    )
    if person is not None:
        Authorship.objects.bulk_create(Authorship(publication=p, person=person) for p in items)
    if category is not None:
        links = Publication.categories.through
        links.objects.bulk_create(links(publication=p, category=category) for p in items)
    return items


def expected_titles(queryset):
    return list(queryset.order_by("-publication_date", "-id").values_list("title", flat=True))


def test_every_page_of_a_long_list_matches_the_order(visitor, commentaries, site_facts):
    crowd(commentaries, 455)
    expected = expected_titles(Publication.objects.public())
    pages = -(-len(expected) // PER_PAGE)
    assert pages == 23
    for number in range(1, pages + 1):
        response = visitor.get(f"/publications/?page={number}")
        assert response.status_code == 200, number
        start = (number - 1) * PER_PAGE
        assert titles(response) == expected[start : start + PER_PAGE], number
    last = visitor.get(f"/publications/?page={pages}").content.decode()
    assert "455 publications" in last
    assert f"Page {pages} of {pages}" in last
    assert 'rel="next"' not in last
    assert f'href="?page={pages - 1}"' in last
    assert visitor.get(f"/publications/?page={pages + 1}").status_code == 404


def test_filtered_deep_pages_match_the_order(
    visitor, commentaries, policy_reports, regions, author, site_facts
):
    crowd(commentaries, 260, person=author, category=regions["europe"], per_day=3)
    crowd(policy_reports, 240, start=260, person=author, per_day=5)
    crowd(commentaries, 230, start=500, category=regions["europe"], per_day=2)
    cases = {
        "/publications/?author=chris-cheang&category=europe": Publication.objects.filter(
            authorships__person=author, categories=regions["europe"]
        ),
        "/publications/policy-reports/": Publication.objects.filter(series=policy_reports),
        "/categories/country-and-region-studies/": Publication.objects.filter(
            categories=regions["europe"]
        ),
        "/publications/?year=2015&series=commentaries": Publication.objects.filter(
            series=commentaries, publication_date__year=2015
        ),
    }
    for url, queryset in cases.items():
        expected = expected_titles(queryset)
        pages = -(-len(expected) // PER_PAGE)
        assert pages > 10, url  # beyond the first group of pages read from one key
        for number in (1, 10, 11, pages - 1, pages):
            joiner = "&" if "?" in url else "?"
            response = visitor.get(f"{url}{joiner}page={number}")
            assert response.status_code == 200, (url, number)
            start = (number - 1) * PER_PAGE
            assert titles(response) == expected[start : start + PER_PAGE], (url, number)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "24", "999999", "1" * 40, "2.5"])
def test_pages_that_do_not_exist_are_404(visitor, commentaries, site_facts, page):
    crowd(commentaries, 455)
    assert visitor.get(f"/publications/?page={page}").status_code == 404


def test_deep_and_last_pages_cost_what_the_first_does(
    visitor, commentaries, regions, author, site_facts, django_assert_max_num_queries
):
    crowd(commentaries, 1100, person=author, category=regions["sea"])
    visitor.get("/")  # warm the new content generation
    for url in [
        "/publications/?page=1",
        "/publications/?page=31",
        "/publications/?page=55",
        "/publications/commentaries/?page=55",
        "/publications/?author=chris-cheang&page=54",
        "/categories/country-and-region-studies/?page=42",
    ]:
        with django_assert_max_num_queries(10) as captured:
            response = visitor.get(url)
        assert response.status_code == 200, url
        assert len(titles(response)) == PER_PAGE, url
        skipped = [int(n) for q in captured for n in re.findall(r"OFFSET (\d+)", q["sql"])]
        assert max(skipped, default=0) < 200, url  # never reads what it skips
        with django_assert_max_num_queries(4):
            visitor.get(url)  # second view: positions and fragments are kept


def test_a_public_item_without_a_date_is_still_listed(visitor, commentaries, site_facts):
    """The services always give a released item its date; rows written otherwise are read
    by offset (their order differs between databases), and none is lost."""
    crowd(commentaries, 230)
    undated = PublicationFactory(series=commentaries, title="Undated Item")
    Publication.objects.filter(pk=undated.pk).update(publication_date=None)
    shown = []
    for number in range(1, 13):
        response = visitor.get(f"/publications/?page={number}")
        assert response.status_code == 200, number
        shown += titles(response)
    assert len(shown) == 231
    assert set(shown) == set(Publication.objects.values_list("title", flat=True))
    assert visitor.get("/publications/?page=13").status_code == 404


def test_positions_count_exactly_and_keep_a_key_every_so_many_items(commentaries):
    items = crowd(commentaries, 45, per_day=2)
    queryset = queries.filtered(PublicationFilter())
    positions = keyset_positions(queryset, 20)
    newest_first = sorted(items, key=lambda p: (p.publication_date, p.pk), reverse=True)
    assert positions == Positions(
        count=45,
        every=20,
        anchors=tuple((p.publication_date, p.pk) for p in newest_first[::20]),
    )
    assert keyset_positions(queryset.filter(series__slug="none"), 20) == Positions(0, 20, ())


def test_lists_narrowed_by_links_keep_the_ids_of_their_items(commentaries, author):
    crowd(commentaries, 30, person=author, per_day=3)
    crowd(commentaries, 10, start=30, per_day=3)
    by_author = PublicationFilter(author="chris-cheang")
    found = queries.positions(by_author, queries.filtered(by_author), PER_PAGE)
    expected = Publication.objects.filter(authorships__person=author).order_by(
        "-publication_date", "-id"
    )
    assert found.count == 30
    assert list(found.ids) == list(expected.values_list("pk", flat=True))
    assert found.anchors is None


def test_the_list_index_covers_exactly_the_released_states():
    indexes = {index.name: index for index in Publication._meta.indexes}
    for name in ("publication_public_recent", "publication_public_series"):
        condition = indexes[name].condition
        assert condition.children == [("status__in", list(Publication.RELEASED))]


def test_public_years_skip_gaps_drafts_and_undated_items(commentaries):
    for day in ("2024-03-01", "2024-12-31", "2021-01-01", "2019-06-30", "2019-01-01"):
        PublicationFactory(series=commentaries, publication_date=datetime.date.fromisoformat(day))
    PublicationFactory(
        series=commentaries, publication_date=datetime.date(2023, 5, 5), status="draft"
    )
    undated = PublicationFactory(series=commentaries)
    Publication.objects.filter(pk=undated.pk).update(publication_date=None)
    assert queries.public_years() == [2024, 2021, 2019]
    assert distinct_years(Publication.objects.none(), "publication_date") == []
