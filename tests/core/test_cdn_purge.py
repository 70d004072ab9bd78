"""After each committed change the configured CDN is asked, once, to purge: a local HTTP server
stands for it."""

import datetime
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks.signals import task_enqueued

from core.content_cache import one_generation
from core.models import FooterLink, SiteSettings, SocialLink
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


class FakeCdn(ThreadingHTTPServer):
    def __init__(self):
        self.received, self.status = [], 200
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/purge"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers["Content-Length"])
        self.server.received.append(
            (self.path, self.headers.get("Authorization"), json.loads(self.rfile.read(length)))
        )
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings, site_facts):
    server = FakeCdn()
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    settings.CDN_PURGE_URLS = [server.url]
    settings.CDN_PURGE_TOKEN = "purge-token"
    try:
        yield server
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_a_change_purges_the_cdn_once_after_its_commit(cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.get(pk=1).save()
        assert cdn.received == []  # not before the commit

    assert cdn.received == [("/purge", "Bearer purge-token", {"purge_everything": True})]


def test_many_changes_in_one_transaction_purge_once(cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        SiteSettings.objects.get(pk=1).save()
        for link in SocialLink.objects.all():
            link.save()
        FooterLink.objects.first().delete()

    assert len(cdn.received) == 1


def test_each_transaction_purges_once(cdn, django_capture_on_commit_callbacks):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            SiteSettings.objects.get(pk=1).save()
            SocialLink.objects.first().save()

    assert len(cdn.received) == 3


def test_an_import_batch_purges_once(cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), one_generation():
        for link in SocialLink.objects.all():
            link.save()

    assert len(cdn.received) == 1


def test_a_rolled_back_change_purges_nothing(cdn, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        SiteSettings.objects.get(pk=1).save()
        raise RuntimeError("the editor's request failed")
    assert cdn.received == []

    with django_capture_on_commit_callbacks(execute=True):
        SocialLink.objects.first().save()
    assert len(cdn.received) == 1


def test_a_failing_cdn_is_logged_and_the_change_kept(
    cdn, caplog, django_capture_on_commit_callbacks
):
    cdn.status = 503
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.ERROR):
        SiteSettings.objects.filter(pk=1).update(tagline="Kept")
        SiteSettings.objects.get(pk=1).save()

    assert len(cdn.received) == 1
    assert f"The cache {cdn.url} could not be purged" in caplog.text
    assert SiteSettings.objects.get(pk=1).tagline == "Kept"


def test_nothing_is_queued_without_a_cache_to_purge(
    settings, site_facts, django_capture_on_commit_callbacks
):
    settings.CDN_PURGE_URLS = []
    queued = []

    def enqueued(sender, task_result, **kwargs):
        queued.append(task_result.task.name)

    task_enqueued.connect(enqueued, dispatch_uid="test:queued")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            SiteSettings.objects.get(pk=1).save()
    finally:
        task_enqueued.disconnect(dispatch_uid="test:queued")

    assert queued == []


def test_an_item_out_at_its_scheduled_time_purges_once(cdn, commentaries, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PublicationFactory(
        series=commentaries, status="scheduled",
        published_at=timezone.now() + datetime.timedelta(minutes=30),
    )  # fmt: skip
    call_command("periodic_tasks")
    assert cdn.received == []  # nothing is out yet
    time_machine.shift(datetime.timedelta(minutes=31))
    call_command("periodic_tasks")  # the clock notices it is out: the CDN is told
    call_command("periodic_tasks")
    assert len(cdn.received) == 1
