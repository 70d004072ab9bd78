"""The documented backup (``deploy/backup``) restored by ``deploy/restore`` into a fresh
database and media folder serves the same pages as the site it was taken from.

Runs the scripts as an operator would, against two databases of the PostgreSQL server the tests
use, each site in a process of its own.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
PAGES = [
    "/",
    "/publications/",
    "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/",
    "/staff/",
    "/staff/people/chris-cheang/",
    "/events/",
    "/feeds/",
    "/feeds/publications/rss/",
    "/sitemap.xml",
    "/about-rsis/introduction/",
    "/search/?q=maritime",
]
#: Reads each page with Django's test client in the site's own process: status and body.
READ_PAGES = """
import hashlib, json, os
from django.test import Client
client = Client()
found = {}
for address in json.loads(os.environ["PAGES"]):
    response = client.get(address)
    found[address] = [response.status_code, hashlib.sha256(response.content).hexdigest()]
print(json.dumps(found))
"""

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL"),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs pg_dump and pg_restore"),
]


def database_url(name):
    options = connection.settings_dict
    host, port = options["HOST"] or "127.0.0.1", options["PORT"] or "5432"
    return f"postgres://{options['USER']}@{host}:{port}/{name}"


def run(command, env, **options):
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, **options)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture
def databases():
    """Two fresh, empty databases: the site backed up, and the one restored into."""
    names = [f"rsis_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin = database_url("postgres")
    for name in names:
        subprocess.run(["psql", admin, "-qc", f"create database {name}"], check=True)
    yield [database_url(name) for name in names]
    for name in names:
        subprocess.run(["psql", admin, "-qc", f"drop database if exists {name} with (force)"])


def site_env(database, media):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("CACHE_URL", None)
    env.pop("MEDIA_STORAGE_URL", None)
    env.update(
        DATABASE_URL=database,
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="rsis_site.settings.base",
        DEMO_ADMIN_PASSWORD="a long enough password",
        PYTHON=sys.executable,
        PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
    )
    return env


def pages(env):
    found = run([sys.executable, "manage.py", "shell", "-c", READ_PAGES],
                {**env, "PAGES": json.dumps(PAGES)})  # fmt: skip
    return json.loads(found.strip().splitlines()[-1])


def files(folder):
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size)
        for path in folder.rglob("*")
        if path.is_file()
    )


def test_a_backup_restored_elsewhere_serves_the_same_pages(databases, tmp_path):
    source, target = databases
    site = site_env(source, tmp_path / "media")
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], site)
    run([sys.executable, "manage.py", "load_demo"], site)
    before = pages(site)
    assert all(status == 200 for status, _ in before.values()), before

    run(["deploy/backup", str(tmp_path / "backup")], site)
    refused = subprocess.run(["deploy/backup", str(tmp_path / "backup")], cwd=ROOT, env=site,
                             capture_output=True, text=True)  # fmt: skip
    assert refused.returncode == 1 and "already holds a backup" in refused.stderr

    restored = site_env(target, tmp_path / "restored-media")
    run(["deploy/restore", str(tmp_path / "backup")], restored)
    assert files(tmp_path / "restored-media") == files(tmp_path / "media")
    assert files(tmp_path / "media")  # the demo's pictures were backed up, not nothing
    assert pages(restored) == before

    again = subprocess.run(["deploy/restore", str(tmp_path / "backup")], cwd=ROOT, env=restored,
                           capture_output=True, text=True)  # fmt: skip
    assert again.returncode == 1 and "not empty" in again.stderr  # never over a live database


def test_a_damaged_backup_is_refused(databases, tmp_path):
    source, target = databases
    site = site_env(source, tmp_path / "media")
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], site)
    run(["deploy/backup", str(tmp_path / "backup")], site)
    with open(tmp_path / "backup" / "database.dump", "ab") as dump:
        dump.write(b"damage")
    refused = subprocess.run(["deploy/restore", str(tmp_path / "backup")], cwd=ROOT,
                             env=site_env(target, tmp_path / "restored"), capture_output=True,
                             text=True)  # fmt: skip
    assert refused.returncode != 0 and "FAILED" in refused.stderr + refused.stdout
