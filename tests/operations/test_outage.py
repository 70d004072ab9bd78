"""The database stopped: friendly 503 pages, cached pages still served, readiness says so."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from core.models import SiteSettings
from tests.factories import UserFactory
from tests.servers import RedisServer, require_program


def test_a_visitor_gets_a_503_page_in_the_sites_look_with_retry_after(
    about_section, database, browser
):
    database.stop()  # nothing was built before: the page needs the database
    response = browser.get("/about-rsis/introduction/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "We will be back shortly" in page and "/static/css/site.css" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_pages_cached_before_the_outage_are_still_served(
    about_section, settings, database, browser
):
    settings.PAGE_CACHE_SECONDS = 300
    for path in ("/", "/about-rsis/introduction/"):
        assert browser.get(path).status_code == 200
    database.stop()
    for path in ("/", "/about-rsis/introduction/"):
        response = browser.get(path)
        assert (response.status_code, response["X-Page-Cache"]) == (200, "hit"), path
    assert browser.get("/about-rsis/welcome-message/").status_code == 503


def test_editors_get_a_clear_message_and_nothing_is_saved(site_facts, database):
    editor = Client(raise_request_exception=False)
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:core_sitesettings_change", args=[SiteSettings.load().pk])
    name = SiteSettings.load().name
    database.stop()
    for response in (editor.get(reverse("admin:index")), editor.post(url, {"name": "Changed"})):
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        page = response.content.decode()
        assert "The back office cannot reach its database" in page
        assert "Nothing was saved" in page and "Traceback" not in page
    database.start()
    assert SiteSettings.load().name == name


def test_readiness_names_the_database_while_health_stays_up(database, browser):
    assert browser.get("/readyz").status_code == 200
    database.stop()
    assert browser.get("/healthz").status_code == 200
    response = browser.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable" and body["down"] == ["database"]
    assert body["checks"] == {"database": "down", "cache": "ok", "storage": "ok"}


@pytest.fixture
def redis_server():
    server = RedisServer(require_program("redis-server", "redis-server"))
    server.start()
    yield server
    server.stop()


@pytest.mark.django_db
def test_a_stopped_redis_makes_readiness_fail_while_pages_answer(
    redis_server, about_section, settings, monkeypatch, browser
):
    from core import content_cache, redis_cache

    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.3)
    monkeypatch.setattr(content_cache, "_outage", {"token": None, "ends": 0.0, "missed": False})
    assert browser.get("/readyz").status_code == 200
    redis_server.stop()
    response = browser.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content)["down"] == ["cache"]
    assert browser.get("/healthz").status_code == 200
    for path in ("/", "/about-rsis/introduction/"):
        assert browser.get(path).status_code == 200, path
