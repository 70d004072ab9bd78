"""Two app servers side by side, as behind a load balancer: two gunicorns sharing only the
PostgreSQL database, a Redis and an S3-compatible bucket (moto's server). What an editor does
through one shows on the other at once, files included: no server keeps on its own disk
anything a request needs."""

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from core.demo import site_settings_load_demo
from staff.models import Person

from ..factories import jpeg_bytes
from ..library.conftest import upload
from ..objectstore import S3Server
from ..servers import RedisServer, free_port, require_program, wait_for_port
from ..staff.test_admin import person_form

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
PASSWORD = "a-long-enough-password-42"  # noqa: S105

pytestmark = pytest.mark.django_db(transaction=True)

PROFILE = reverse("staff:person", kwargs={"slug": "new-person"})


def database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class AppServer:
    """One gunicorn with production settings, on a free port."""

    def __init__(self, env, log):
        self.port, self.env, self.log = free_port(), env, log
        self.process = None
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def start(self):
        self.process = subprocess.Popen(
            [PYTHON.parent / "gunicorn", "rsis_site.wsgi", "--workers", "1",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "60"],
            env=self.env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(self.port, process=self.process, seconds=60)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def request(self, path, data=None, content_type=None):
        """(status, text) of ``path``, with this server's own cookies (a browser of its own)."""
        headers = {"Content-Type": content_type} if content_type else {}
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data, headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def csrf_token(self, path):
        page = self.request(path)[1]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    def log_in(self, username):
        token = self.csrf_token("/admin/login/")
        form = {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
        body = urlencode({**form, "next": "/admin/"}).encode()
        return self.request("/admin/login/", body, "application/x-www-form-urlencoded")

    def post_form(self, path, data):
        body = encode_multipart(BOUNDARY, {**data, "csrfmiddlewaretoken": self.csrf_token(path)})
        return self.request(path, body, MULTIPART_CONTENT)


@pytest.fixture
def two_servers(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the app servers share the test database: PostgreSQL only")
    redis = RedisServer(require_program("redis-server", "redis-server"))
    servers = []
    with S3Server() as s3:
        redis.start()
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
            env.update(
                DJANGO_SETTINGS_MODULE="rsis_site.settings.base",
                DJANGO_SECRET_KEY="two-servers-test-secret-key-0123456789-abcdefghijklmnopqrstuv",
                DJANGO_ALLOWED_HOSTS="127.0.0.1",
                DJANGO_SECURE_SSL_REDIRECT="0",
                DJANGO_SECURE_COOKIES="0",
                DJANGO_HSTS_SECONDS="0",
                DJANGO_STATIC_ROOT=str(tmp_path / "static"),
                DATABASE_URL=database_url(),
                CACHE_URL=redis.url,
                MEDIA_STORAGE_URL=s3.url,
            )
            subprocess.run(
                [PYTHON, ROOT / "manage.py", "collectstatic", "--noinput", "-v0"],
                env=env, cwd=ROOT, check=True,
            )  # fmt: skip
            log = (tmp_path / "gunicorn.log").open("wb")
            servers = [AppServer(env, log), AppServer(env, log)]
            for server in servers:
                server.start()
            yield (*servers, s3)
        finally:
            for server in servers:
                server.stop()
            redis.stop()


def test_what_is_done_through_one_server_shows_on_the_other(two_servers):
    one, other, s3 = two_servers
    site_settings_load_demo()
    # Hashed as production hashes: the tests' settings use a faster hasher.
    password = PBKDF2PasswordHasher().encode(PASSWORD, "two-servers-salt", iterations=1000)
    get_user_model().objects.create(
        username="kim", password=password, is_staff=True, is_superuser=True
    )
    assert other.request(PROFILE)[0] == 404

    status, page = one.log_in("kim")
    assert status == 200 and "Log out" in page
    photo = upload("kim.jpg", jpeg_bytes(600, 600), "image/jpeg")
    status, page = one.post_form("/admin/staff/person/add/", person_form(photo=photo))
    assert status == 200 and "was added successfully" in page

    person = Person.objects.get()
    status, page = other.request(PROFILE)
    assert status == 200 and "New Person" in page
    rendition = s3.object_url(person.photo_400_jpeg.name)
    assert f'src="{rendition}"' in page  # linked at the bucket, made through the first server
    with urllib.request.urlopen(rendition, timeout=30) as response:  # noqa: S310 - the test's
        assert response.headers["Content-Type"] == "image/jpeg"
    status, _ = other.request(f"/media-files/{person.photo.name}")
    assert status == 200  # the original, served by the other server from the bucket

    change = f"/admin/staff/person/{person.pk}/change/"
    status, page = one.post_form(change, person_form(name="Kim Renamed", photo=""))
    assert status == 200 and "was changed successfully" in page
    status, page = other.request(PROFILE)
    assert status == 200 and "Kim Renamed" in page and "New Person" not in page
