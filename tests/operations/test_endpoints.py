"""/healthz and /readyz: answered ahead of the host check, the page cache and the redirects."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_health_answers_without_the_database(browser, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = browser.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readiness_lists_every_check(browser):
    response = browser.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "down": [],
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_by_address_over_plain_http_are_answered_not_redirected(path, settings, browser):
    settings.SECURE_SSL_REDIRECT = True
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = browser.get(path, headers={"host": "10.0.0.5:8000"})
        assert response.status_code == 200
        assert "X-Page-Cache" not in response and "Set-Cookie" not in response
    assert browser.post(path).status_code == 405


def test_probes_are_not_in_the_sitemap(browser, site_facts):
    index = browser.get("/sitemap.xml").content.decode()
    assert "healthz" not in index and "readyz" not in index
