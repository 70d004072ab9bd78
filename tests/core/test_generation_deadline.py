import datetime

import time_machine
from django.core.cache import cache
from django.utils import timezone

from core.content_cache import GENERATION_KEY, current_generation
from publications.services import publication_publish
from tests.factories import PublicationFactory, SeriesFactory


def test_generation_ends_by_itself_when_a_scheduled_item_goes_live(db):
    series = SeriesFactory()
    at = timezone.now() + datetime.timedelta(hours=2)
    publication_publish(
        publication=PublicationFactory(series=series, status="draft", published_at=None), at=at
    )
    before = current_generation()
    assert before.endswith(f"@{at.timestamp()}")
    assert current_generation() == before
    with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
        after = current_generation()
        assert after != before
        assert "@" not in after  # nothing else is scheduled
        assert cache.get(GENERATION_KEY) == after


def test_generation_without_schedule_has_no_end(db):
    assert "@" not in current_generation()
