"""Visitors' reads go to a real streaming replica; writes, editors and whoever just changed
something stay on the primary (core/replicas.py).

A throwaway primary (a copy of the test database) and its hot standby, made with
``pg_basebackup``, run on free ports for the module: the main server allows no replication.
PostgreSQL only; the server programs are needed (skipped without them unless
``REQUIRE_SERVICES`` is set). The tests commit (``transaction=True``) since only committed
data reaches a replica, and wait for the replica to replay the primary's WAL where they need it.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.models import SiteSettings
from core.replicas import PIN_COOKIE, WRITES
from publications.models import Publication
from subscriptions import services
from subscriptions.models import Subscriber
from tests.factories import PublicationFactory, SeriesFactory, UserFactory
from tests.servers import free_port

# Tests on the pair commit, and name the replica so that the test case lets them reach it.
on_pair = pytest.mark.django_db(transaction=True, databases=["default", "replica1"])

DATABASE = "rsis"


def server_programs():
    """The directory of PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    path = os.path.dirname(found[-1]) if found else None
    if path is None and shutil.which("initdb"):
        path = os.path.dirname(shutil.which("initdb"))
    if path is None:
        message = "PostgreSQL's server programs are required (apt-get install -y postgresql)"
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class Pair:
    """A primary on one free port and its streaming replica, in hot standby, on another."""

    def __init__(self, programs):
        self.programs = programs
        self.root = tempfile.mkdtemp(prefix="rsis-replication-")
        # The server refuses to run as root: it then runs as the postgres account.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.root, "postgres")
        self.primary_port, self.replica_port = free_port(), free_port()

    def server(self, program, *args):
        command = [*self.as_user, os.path.join(self.programs, program), *args]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def start(self, source):
        primary, replica = (os.path.join(self.root, name) for name in ("primary", "replica"))
        self.server("initdb", "-D", primary, "-U", "postgres", "-A", "trust", "--no-sync")
        self.configure(primary, self.primary_port, "wal_level = replica", "max_wal_senders = 4")
        self.server("pg_ctl", "-D", primary, "-l", f"{primary}.log", "-w", "start")
        self.copy_database(source)
        source = ["-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres"]
        self.server("pg_basebackup", *source, "-D", replica, "-R", "-X", "stream", "-c", "fast")
        self.configure(replica, self.replica_port, "hot_standby = on")
        self.server("pg_ctl", "-D", replica, "-l", f"{replica}.log", "-w", "start")

    def configure(self, data, port, *lines):
        settings = [f"port = {port}", "listen_addresses = '127.0.0.1'",
                    f"unix_socket_directories = '{self.root}'", "fsync = off", *lines]  # fmt: skip
        with open(os.path.join(data, "postgresql.conf"), "a") as conf:
            conf.write("\n".join(settings) + "\n")

    def copy_database(self, source):
        """The migrated test database, copied into the primary."""
        target = ["-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres"]
        subprocess.run(["createdb", *target, DATABASE], check=True)
        dump = subprocess.run(
            ["pg_dump", "-h", source["HOST"] or "127.0.0.1", "-p", str(source["PORT"] or 5432),
             "-U", source["USER"], source["NAME"]],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", *target, DATABASE],
                       input=dump.stdout, check=True, capture_output=True)  # fmt: skip

    def stop(self):
        for name in ("replica", "primary"):
            data = os.path.join(self.root, name)
            if os.path.exists(os.path.join(data, "postmaster.pid")):
                self.server("pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def pair(django_db_setup, django_db_blocker):
    """The pair, and the alias ``replica1`` for its replica (a mirror, as the settings make
    replicas: the test case neither flushes nor checks it)."""
    if connection.vendor != "postgresql":
        pytest.skip("streaming replication is PostgreSQL's")
    started = Pair(server_programs())
    try:
        started.start(connection.settings_dict)
        connections.settings["replica1"] = {
            **connection.settings_dict,
            "HOST": "127.0.0.1",
            "PORT": started.replica_port,
            "NAME": DATABASE,
            "TEST": {"MIRROR": "default"},
        }
        yield started
    finally:
        if "replica1" in connections.settings:
            connections["replica1"].close()
            del connections["replica1"]
            del connections.settings["replica1"]
        started.stop()


@pytest.fixture
def replica(pair, transactional_db, settings):
    """The site on the pair: ``default`` is the primary, ``replica1`` its replica."""
    primary = connections["default"]
    kept = {name: primary.settings_dict[name] for name in ("HOST", "PORT", "NAME")}
    primary.close()
    primary.settings_dict.update(HOST="127.0.0.1", PORT=pair.primary_port, NAME=DATABASE)
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.REPLICA_LAG_SECONDS = 0
    try:
        yield connections["replica1"]
    finally:
        connections["replica1"].close()
        primary.close()
        primary.settings_dict.update(kept)


def replayed(replica):
    """Wait until the replica has replayed everything the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (position,) = cursor.fetchone()
    deadline = time.monotonic() + 30
    with replica.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError(f"the replica did not replay up to {position} within 30 s")


def pause_replay(replica):
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")


def resume_replay(replica):
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")


def read(client, path, replica, **kwargs):
    """``client``'s answer, with the statements it ran on the primary and on the replica."""
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(replica) as on_replica,
    ):
        response = (client.post if kwargs else client.get)(path, kwargs or None)
    return response, on_primary, on_replica


def statements(captured):
    return [query["sql"].split(None, 1)[0].upper() for query in captured.captured_queries]


@on_pair
def test_visitors_pages_are_read_from_the_replica(replica):
    SiteSettings.load()
    item = PublicationFactory(title="Maritime Order in the Straits")
    replayed(replica)
    on_primary = []
    for path in ("/publications/", item.get_absolute_url(), "/feeds/publications/rss/"):
        response, primary, on_replica = read(Client(), path, replica)
        assert response.status_code == 200
        assert b"Maritime Order in the Straits" in response.content
        assert len(on_replica) > 0
        assert not [kind for kind in statements(on_replica) if kind in WRITES]
        assert PIN_COOKIE not in response.cookies
        on_primary += statements(primary)
    # Only the site settings' get_or_create asks the primary, once for the generation.
    assert on_primary == ["SELECT"]


@on_pair
def test_a_visitors_request_that_writes_pins_its_client(replica):
    SiteSettings.objects.all().delete()
    PublicationFactory()
    replayed(replica)
    # The first page ever shown makes the site settings' row: a write, on the primary.
    response, on_primary, _ = read(Client(), "/publications/", replica)
    assert "INSERT" in statements(on_primary)
    assert response.cookies[PIN_COOKIE]["max-age"] == 15


@on_pair
def test_posted_forms_are_read_on_the_primary_and_pin_their_client(replica):
    SiteSettings.load()
    SeriesFactory(slug="commentaries")
    replayed(replica)
    form = {"email": "reader@example.org", "frequency": "each", "everything": "on"}
    visitor = Client()
    response, on_primary, on_replica = read(visitor, "/subscribe/", replica, **form)
    assert response.status_code == 200
    assert len(on_replica) == 0
    assert len(on_primary) > 0
    assert response.cookies[PIN_COOKIE]["max-age"] == 15
    assert response.cookies[PIN_COOKIE]["httponly"]
    _, _, on_replica = read(visitor, "/publications/", replica)
    assert len(on_replica) == 0


@on_pair
def test_staff_and_the_admin_read_from_the_primary(replica):
    item = PublicationFactory(title="Cyber Norms at the UN")
    editor = Client()
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    replayed(replica)
    # The admin is always read from the primary; its answer gives the staff mark.
    response, _, on_replica = read(editor, "/admin/", replica)
    assert response.status_code == 200
    assert len(on_replica) == 0
    assert editor.cookies["rsis_staff"].value
    # With the mark, public pages are read from the primary too.
    response, on_primary, on_replica = read(editor, item.get_absolute_url(), replica)
    assert response.status_code == 200
    assert len(on_replica) == 0
    assert len(on_primary) > 0
    # A made-up mark is a visitor's.
    forged = Client()
    forged.cookies["sessionid"] = editor.cookies["sessionid"].value + "x"
    forged.cookies["rsis_staff"] = editor.cookies["rsis_staff"].value
    _, _, on_replica = read(forged, item.get_absolute_url(), replica)
    assert len(on_replica) > 0


@on_pair
def test_whoever_changes_something_sees_it_at_once_while_the_replica_lags(replica):
    series = SeriesFactory(slug="commentaries")
    subscriber = Subscriber.objects.create(
        email="reader@example.org", confirmed_at="2026-05-04T09:00Z", everything=True
    )
    manage = f"/subscribe/manage/{services.manage_token(subscriber)}/"
    replayed(replica)
    pause_replay(replica)
    try:
        reader, other = Client(), Client()
        change = {"series": [series.pk], "frequency": "weekly"}
        response, _, on_replica = read(reader, manage, replica, **change)
        assert response.status_code == 200
        assert len(on_replica) == 0
        # Pinned to the primary: the reader's next page shows the change.
        response, _, on_replica = read(reader, manage, replica)
        assert response.context["form"]["frequency"].value() == "weekly"
        assert len(on_replica) == 0
        # Anyone else still reads the replica, which has not replayed the change yet.
        response, _, on_replica = read(other, manage, replica)
        assert response.context["form"]["frequency"].value() == "each"
        assert len(on_replica) > 0
        # A pin that has run out (or was made up) is no pin.
        reader.cookies[PIN_COOKIE] = "1"
        response, _, on_replica = read(reader, manage, replica)
        assert len(on_replica) > 0
    finally:
        resume_replay(replica)
    replayed(replica)
    response, _, _ = read(other, manage, replica)
    assert response.context["form"]["frequency"].value() == "weekly"


@on_pair
def test_content_of_a_young_generation_is_built_from_the_primary(replica, settings):
    pause_replay(replica)
    try:
        settings.REPLICA_LAG_SECONDS = 3600
        PublicationFactory(title="Energy Transition in ASEAN")  # a new content generation
        response, _, on_replica = read(Client(), "/publications/", replica)
        assert b"Energy Transition in ASEAN" in response.content
        assert len(on_replica) == 0
        # Without the rule the lagging replica would build the new generation from old rows,
        # and its pages and fragments would be kept under it.
        settings.REPLICA_LAG_SECONDS = 0
        PublicationFactory(title="Food Security after the Drought")
        response, _, on_replica = read(Client(), "/publications/", replica)
        assert b"Food Security after the Drought" not in response.content
        assert len(on_replica) > 0
    finally:
        resume_replay(replica)


@on_pair
def test_outside_requests_everything_reads_the_primary(replica):
    """Management commands, the task worker and the clock run outside any request."""
    PublicationFactory(title="Maritime Order in the Straits")
    replayed(replica)
    with CaptureQueriesContext(replica) as on_replica:
        titles = list(Publication.objects.public().values_list("title", flat=True))
    assert "Maritime Order in the Straits" in titles
    assert len(on_replica) == 0


def test_without_replicas_everything_reads_the_primary(db, settings, client):
    settings.DATABASE_REPLICAS = []
    PublicationFactory(title="Maritime Order in the Straits")
    response = client.post("/subscribe/", {"email": "bad"})
    assert PIN_COOKIE not in response.cookies
    assert b"Maritime Order" in client.get("/publications/").content
