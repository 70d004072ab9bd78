import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from publications.models import Publication, SeriesCounter
from publications.services import code_next, publication_publish, publication_withdraw
from tests.factories import PublicationFactory, SeriesFactory


def draft(series, year=2021, **kwargs):
    return PublicationFactory(
        series=series,
        status="draft",
        published_at=None,
        publication_date=datetime.date(year, 7, 26),
        **kwargs,
    )


def test_codes_follow_in_order_within_series_and_year(commentaries):
    codes = [publication_publish(publication=draft(commentaries)).code for _ in range(3)]
    assert codes == ["CO21001", "CO21002", "CO21003"]


def test_code_numbering_restarts_each_year_and_per_series(commentaries, policy_reports):
    assert publication_publish(publication=draft(commentaries, 2021)).code == "CO21001"
    assert publication_publish(publication=draft(commentaries, 2022)).code == "CO22001"
    assert publication_publish(publication=draft(policy_reports, 2021)).code == "PR21001"
    assert publication_publish(publication=draft(commentaries, 2021)).code == "CO21002"


def test_code_is_given_once_and_kept_through_withdrawal(commentaries):
    item = publication_publish(publication=draft(commentaries))
    publication_withdraw(publication=item)
    publication_publish(publication=item)
    item.refresh_from_db()
    assert (item.code, item.status) == ("CO21001", "published")


def test_withdrawn_or_deleted_codes_are_never_reused(commentaries):
    first = publication_publish(publication=draft(commentaries))
    publication_withdraw(publication=first)
    second = publication_publish(publication=draft(commentaries))
    second.delete()
    third = publication_publish(publication=draft(commentaries))
    assert [first.code, second.code, third.code] == ["CO21001", "CO21002", "CO21003"]


def test_code_skips_numbers_typed_by_hand(commentaries):
    PublicationFactory(series=commentaries, code="CO21002")
    codes = [publication_publish(publication=draft(commentaries)).code for _ in range(2)]
    assert codes == ["CO21001", "CO21003"]


def test_two_digit_year_and_three_digit_number(commentaries):
    counter = SeriesCounter.objects.create(series=commentaries, year=2009, last_number=41)
    assert code_next(series=commentaries, year=2009) == "CO09042"
    counter.refresh_from_db()
    assert counter.last_number == 42


def test_code_refused_when_a_series_year_is_full(commentaries):
    SeriesCounter.objects.create(series=commentaries, year=2021, last_number=999)
    with pytest.raises(ValidationError):
        code_next(series=commentaries, year=2021)


def test_publication_date_fills_in_when_empty_and_sets_the_year(commentaries):
    item = PublicationFactory(
        series=commentaries, status="draft", published_at=None, publication_date=None
    )
    publication_publish(publication=item)
    item.refresh_from_db()
    year = item.publication_date.year % 100
    assert item.code == f"CO{year:02d}001"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("CO2113", "two digits of the year"),
        ("co21113x", "two digits of the year"),
        ("PR21113", "Codes of Commentaries start with CO"),
        ("CO21113", "already taken"),
    ],
)
def test_typed_code_is_validated(commentaries, code, message):
    PublicationFactory(series=commentaries, code="CO21113")
    item = PublicationFactory.build(series=commentaries, code=code, status="draft")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert message in str(error.value.message_dict["code"])


def test_typed_code_is_normalised_to_capitals(commentaries):
    item = PublicationFactory.build(series=commentaries, code=" co21113 ", status="draft")
    item.full_clean()
    assert item.code == "CO21113"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks of PostgreSQL")
def test_concurrent_publishing_from_two_connections_gives_distinct_codes():
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    drafts = [draft(series) for _ in range(8)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def publish(items):
        try:
            barrier.wait(timeout=10)
            for item in items:
                fresh = Publication.objects.select_related("series").get(pk=item.pk)
                results.append(publication_publish(publication=fresh).code)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(drafts[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [f"CO21{n:03d}" for n in range(1, 9)]
    assert SeriesCounter.objects.get(series=series, year=2021).last_number == 8


def test_typed_code_of_a_deleted_item_is_never_given_again(commentaries):
    imported = draft(commentaries, code="CO21005")
    publication_publish(publication=imported)
    imported.delete()
    codes = [publication_publish(publication=draft(commentaries)).code for _ in range(6)]
    assert "CO21005" not in codes
    again = PublicationFactory.build(series=commentaries, code="CO21005", status="draft")
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert "since been removed" in str(error.value)


def test_rescheduling_before_going_live_moves_the_date_and_the_code_year(commentaries):
    first_at = timezone.make_aware(datetime.datetime(2030, 12, 31, 9))
    item = PublicationFactory(
        series=commentaries, status="draft", published_at=None, publication_date=None
    )
    publication_publish(publication=item, at=first_at)
    assert (item.code, item.publication_date.isoformat()) == ("CO30001", "2030-12-31")
    publication_publish(publication=item, at=timezone.make_aware(datetime.datetime(2031, 1, 5, 9)))
    item.refresh_from_db()
    assert (item.code, item.publication_date.isoformat()) == ("CO31001", "2031-01-05")
    # The abandoned code stays issued: the next 2030 Commentary gets CO30002.
    assert code_next(series=commentaries, year=2030) == "CO30002"


def test_rescheduling_keeps_a_date_the_editor_chose(commentaries):
    item = PublicationFactory(
        series=commentaries,
        status="draft",
        published_at=None,
        publication_date=datetime.date(2030, 6, 1),
    )
    publication_publish(
        publication=item, at=timezone.make_aware(datetime.datetime(2030, 12, 31, 9))
    )
    publication_publish(
        publication=item, at=timezone.make_aware(datetime.datetime(2030, 12, 20, 9))
    )
    item.refresh_from_db()
    assert (item.code, item.publication_date.isoformat()) == ("CO30001", "2030-06-01")


def test_typed_code_on_a_draft_is_kept_whatever_the_date(commentaries):
    item = PublicationFactory(
        series=commentaries,
        status="draft",
        published_at=None,
        publication_date=None,
        code="CO19042",
    )
    publication_publish(publication=item)
    item.refresh_from_db()
    assert item.code == "CO19042"
