"""The admin writes every time one way, in Singapore time: "3 Dec 2026, 14:05"."""

import datetime
import re

import time_machine

from imports.models import ImportRun
from tests.factories import EventFactory

# 3 December 2026, 14:05 in Singapore.
MOMENT = datetime.datetime(2026, 12, 3, 6, 5, tzinfo=datetime.UTC)


def test_the_events_list_gives_start_times_in_singapore_time(administrator_client):
    EventFactory(title="Ports and Power", start=MOMENT)
    html = administrator_client.get("/admin/events/event/").content.decode()
    assert "Starts (Singapore time)" in html
    assert re.search(r'<td class="field-start_local">3 Dec 2026, 14:05</td>', html)


def test_times_django_writes_itself_use_the_same_format(administrator_client):
    with time_machine.travel(MOMENT, tick=False):
        run = ImportRun.objects.create(source="export.xml", finished_at=MOMENT)
    html = administrator_client.get(f"/admin/imports/importrun/{run.pk}/change/").content.decode()
    started = re.search(r'<label>Started:</label>\s*<div class="readonly">([^<]*)</div>', html)
    assert started.group(1) == "3 Dec 2026, 14:05"
    listing = administrator_client.get("/admin/imports/importrun/").content.decode()
    assert "3 Dec 2026, 14:05" in listing
    assert "p.m." not in html + listing and "a.m." not in html + listing
