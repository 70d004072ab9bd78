"""The documented production set-up, started for real: nginx (``deploy/nginx/rsis.conf``) in front
of gunicorn with one sync worker, the task queue's worker and production settings, on a
database of its own with the demo content.

Slow clients must not hold the worker, forged X-Forwarded-For must not dodge login throttling,
uploaded files must be served with their safe headers, and nginx's cache must serve public
pages again, never staff's, and forget them when content changes.
"""

import http.client
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.factories import jpeg_bytes
from tests.servers import RedisServer, free_port, require_program, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx" / "rsis.conf"
PYTHON = Path(sys.executable)
PASSWORD = "a-long-enough-password-42"  # noqa: S105

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE


class Stack:
    def __init__(self, root, redis):
        self.root, self.redis = root, redis
        self.app_port, self.http_port, self.https_port = free_port(), free_port(), free_port()
        self.processes = []

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
        env.update(
            DJANGO_SETTINGS_MODULE="rsis_site.settings.base",
            DJANGO_SECRET_KEY="nginx-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            DJANGO_ALLOWED_HOSTS="localhost",
            DJANGO_CSRF_TRUSTED_ORIGINS=f"https://localhost:{self.https_port}",
            DATABASE_URL=f"sqlite:///{self.root / 'db.sqlite3'}",
            DJANGO_STATIC_ROOT=str(self.root / "static"),
            DJANGO_MEDIA_ROOT=str(self.root / "media"),
            DJANGO_PROXY_COUNT="1",
            DJANGO_LOGIN_FAILURE_LIMIT="5",
            DJANGO_NGINX_CACHE_DIR=str(self.root / "nginx-cache"),
        )
        # Shared by the site and commands, as in production: a change made anywhere shows.
        env["CACHE_URL"] = self.redis.url
        return env

    def manage(self, *args):
        subprocess.run(
            [PYTHON, ROOT / "manage.py", *args], env=self.env(), cwd=ROOT, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def start(self, nginx):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage(
            "shell", "-c",
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_user('kim', password='{PASSWORD}', is_staff=True); "
            f"get_user_model().objects.create_user('lee', password='{PASSWORD}', is_staff=True)",
        )  # fmt: skip
        self.manage("load_demo", "--no-admin", "--no-photos")
        (self.root / "nginx-cache").mkdir()
        media = self.root / "media"
        (media / "people").mkdir(parents=True)
        (media / "people" / "photo.jpg").write_bytes(jpeg_bytes())
        (media / "people" / "page.html").write_bytes(b"<script>alert(1)</script>")
        (media / "people" / "report.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")

        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=localhost", "-keyout", self.root / "key.pem",
             "-out", self.root / "cert.pem"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.spawn(
            [PYTHON.parent / "gunicorn", "rsis_site.wsgi", "--workers", "1",
             "--worker-class", "sync", "--bind", f"127.0.0.1:{self.app_port}", "--timeout", "30"],
            self.app_port,
        )  # fmt: skip
        # The task queue's worker, which purges nginx's cache after each change.
        self.processes.append(
            subprocess.Popen(
                [PYTHON, ROOT / "manage.py", "db_worker", "--no-startup-delay",
                 "--interval", "0.1"],
                env=self.env(), cwd=ROOT, stdout=open(self.root / "worker.log", "wb"),  # noqa: SIM115
                stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
        (self.root / "rsis.conf").write_text(self.site_config())
        (self.root / "nginx.conf").write_text(self.main_config())
        self.spawn([nginx, "-p", self.root, "-c", self.root / "nginx.conf"], self.https_port)

    def spawn(self, command, port):
        log = open(self.root / f"{Path(str(command[0])).name}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            command, env=self.env(), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        wait_for_port(port, process=process, seconds=30)

    def site_config(self):
        """The shipped file, with this test's ports and paths in place of the site's."""
        text = CONFIG.read_text()
        replacements = {
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{self.app_port};",
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen [::]:80;": "",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            "listen 80 default_server;": f"listen 127.0.0.1:{self.http_port} default_server;",
            "listen [::]:80 default_server;": "",
            "listen 443 ssl default_server;": (
                f"listen 127.0.0.1:{self.https_port} ssl default_server;"
            ),
            "listen [::]:443 ssl default_server;": "",
            "server_name www.example.org;": "server_name localhost;",
            "/etc/ssl/certs/rsis.pem": str(self.root / "cert.pem"),
            "/etc/ssl/private/rsis.key": str(self.root / "key.pem"),
            "/srv/rsis/static/": f"{self.root / 'static'}/",
            "/srv/rsis/media/": f"{self.root / 'media'}/",
            "/var/cache/nginx/rsis": str(self.root / "nginx-cache"),
        }
        for old, new in replacements.items():
            assert old in text, f"{CONFIG.name} no longer says {old!r}"
            text = text.replace(old, new)
        return text

    def main_config(self):
        user = "user root;" if os.geteuid() == 0 else ""
        temp = " ".join(
            f"{kind}_temp_path {self.root / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        return f"""
daemon off;
{user}
worker_processes 1;
pid {self.root / "nginx.pid"};
error_log {self.root / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.root / "access.log"};
    {temp}
    include {self.root / "rsis.conf"};
}}
"""

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    nginx = require_program("nginx", "nginx")
    require_program("openssl", "openssl")
    redis = RedisServer(require_program("redis-server", "redis-server"))
    redis.start()
    running = Stack(tmp_path_factory.mktemp("nginx"), redis)
    try:
        running.start(nginx)
        yield running
    finally:
        running.stop()
        redis.stop()


def request(port, method, path, *, headers=None, body=None, tls=True, timeout=10):
    if tls:
        connection = http.client.HTTPSConnection("localhost", port, timeout=timeout, context=TLS)
    else:
        connection = http.client.HTTPConnection("localhost", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        response.content = response.read()
        return response
    finally:
        connection.close()


def test_pages_come_through_nginx_and_plain_http_goes_to_https(stack):
    page = request(stack.https_port, "GET", "/robots.txt")
    plain = request(stack.http_port, "GET", "/robots.txt", tls=False)

    assert page.status == 200
    assert b"Disallow: /admin/" in page.content
    assert "nginx/" not in (page.getheader("Server") or "")
    assert plain.status == 301
    assert plain.getheader("Location") == "https://localhost/robots.txt"


def test_requests_for_other_host_names_are_dropped(stack):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        request(stack.https_port, "GET", "/robots.txt", headers={"Host": "evil.example"})


def test_static_files_are_served_by_nginx_for_good(stack):
    manifest = json.loads((stack.root / "static" / "staticfiles.json").read_text())
    hashed = next(name for name in manifest["paths"].values() if name.endswith(".css"))
    response = request(stack.https_port, "GET", f"/static/{hashed}")

    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize(
    ("name", "content_type", "download"),
    [
        ("photo.jpg", "image/jpeg", False),
        ("report.pdf", "application/pdf", True),
        ("page.html", "text/html", True),
    ],
)
def test_uploaded_files_are_served_with_safe_headers(stack, name, content_type, download):
    response = request(stack.https_port, "GET", f"/media-files/people/{name}")

    assert response.status == 200
    assert response.getheader("Content-Type").startswith(content_type)
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    assert (response.getheader("Content-Disposition") == "attachment") is download
    assert response.content == (stack.root / "media" / "people" / name).read_bytes()


def test_a_missing_upload_is_not_found(stack):
    assert request(stack.https_port, "GET", "/media-files/people/none.jpg").status == 404


def login(stack, password, forged, username="kim"):
    """One login attempt in a fresh session, claiming to come from ``forged``."""
    form = request(stack.https_port, "GET", "/admin/login/")
    cookie = SimpleCookie(form.getheader("Set-Cookie"))["csrftoken"].value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.content).group(1)
    return request(
        stack.https_port, "POST", "/admin/login/?next=/admin/",
        body=urlencode({"csrfmiddlewaretoken": token.decode(), "username": username,
                        "password": password, "next": "/admin/"}),
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Cookie": f"csrftoken={cookie}", "X-Forwarded-For": forged,
                 "Referer": f"https://localhost:{stack.https_port}/admin/login/"},
    )  # fmt: skip


def test_forged_forwarded_addresses_do_not_dodge_login_throttling(stack):
    for attempt in range(6):
        response = login(stack, "not the password", f"198.51.100.{attempt}")
        assert response.status in (200, 429)

    response = login(stack, PASSWORD, "203.0.113.77")
    assert response.status == 429  # locked out: every attempt counted as 127.0.0.1
    assert "sessionid" not in (response.getheader("Set-Cookie") or "")


def trickle(port, *, tls, stop):
    """A client that sends its request headers a few bytes at a time and never finishes."""
    raw = socket.create_connection(("127.0.0.1", port), timeout=20)
    sock = TLS.wrap_socket(raw, server_hostname="localhost") if tls else raw
    try:
        sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n")
        while not stop.is_set():
            sock.sendall(b"X-Slow: 1\r\n")
            stop.wait(0.5)
    except OSError:
        pass
    finally:
        sock.close()


def with_slow_clients(port, *, tls, count=2):
    stop = threading.Event()
    threads = [
        threading.Thread(target=trickle, args=(port,), kwargs={"tls": tls, "stop": stop})
        for _ in range(count)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)  # the slow clients are connected and sending
    return stop, threads


def test_slow_clients_do_not_hold_the_worker(stack):
    stop, threads = with_slow_clients(stack.https_port, tls=True)
    try:
        response = request(stack.https_port, "GET", "/robots.txt", timeout=8)
        still_trickling = all(thread.is_alive() for thread in threads)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert response.status == 200
    assert still_trickling  # answered while the slow clients were still sending


def test_without_nginx_one_slow_client_holds_the_sync_worker(stack):
    """Why the proxy is required: the same slow client straight at gunicorn blocks everyone."""
    stop, threads = with_slow_clients(stack.app_port, tls=False, count=1)
    try:
        with pytest.raises(TimeoutError):
            request(stack.app_port, "GET", "/robots.txt", tls=False, timeout=2)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert request(stack.https_port, "GET", "/robots.txt").status == 200


def set_cookies(response):
    cookies = SimpleCookie()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            cookies.load(value)
    return cookies


def staff_cookies(stack):
    """The cookies of a member of staff signed in, with the staff mark the site gives."""
    signed_in = login(stack, PASSWORD, "203.0.113.9", username="lee")
    assert signed_in.status == 302, signed_in.status
    session = set_cookies(signed_in)["sessionid"].value
    admin = request(stack.https_port, "GET", "/admin/", headers={"Cookie": f"sessionid={session}"})
    return f"sessionid={session}; rsis_staff={set_cookies(admin)['rsis_staff'].value}"


def test_public_pages_are_served_again_from_the_nginx_cache(stack):
    first = request(stack.https_port, "GET", "/events/")
    second = request(stack.https_port, "GET", "/events/")

    assert first.status == second.status == 200
    assert first.getheader("X-Cache-Status") == "MISS"
    assert second.getheader("X-Cache-Status") == "HIT"
    assert second.content == first.content
    assert second.getheader("Cache-Control").startswith("public, max-age=60, s-maxage=300")
    assert second.getheader("Set-Cookie") is None


def test_staff_are_never_served_from_the_cache_nor_cached(stack):
    cookies = staff_cookies(stack)
    anonymous = request(stack.https_port, "GET", "/publications/")
    staff = [
        request(stack.https_port, "GET", "/publications/", headers={"Cookie": cookies})
        for _ in range(2)
    ]
    after = request(stack.https_port, "GET", "/publications/")

    for response in staff:
        assert response.status == 200
        assert response.getheader("X-Cache-Status") == "BYPASS"
        assert response.getheader("Cache-Control") == "private, no-store"
    assert after.getheader("X-Cache-Status") == "HIT"
    assert after.content == anonymous.content


def test_posts_always_reach_the_site(stack):
    for _ in range(2):
        posted = request(stack.https_port, "POST", "/search/?q=asean", body=b"")
        assert posted.getheader("X-Cache-Status") in (None, "BYPASS")


def test_a_change_empties_the_nginx_cache(stack):
    request(stack.https_port, "GET", "/")
    assert request(stack.https_port, "GET", "/").getheader("X-Cache-Status") == "HIT"

    stack.manage(
        "shell", "-c",
        "from core.models import SiteSettings; "
        "site = SiteSettings.objects.get(pk=1); site.tagline = 'Freshly changed'; site.save()",
    )  # fmt: skip
    # The worker purges the cache once it takes the task: ask until it has.
    for _ in range(300):
        fresh = request(stack.https_port, "GET", "/")
        if b"Freshly changed" in fresh.content:
            break
        time.sleep(0.1)
    assert b"Freshly changed" in fresh.content, (stack.root / "worker.log").read_text()
    assert fresh.getheader("X-Cache-Status") == "MISS"
    assert request(stack.https_port, "GET", "/").getheader("X-Cache-Status") == "HIT"
