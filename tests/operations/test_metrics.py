"""/metrics: django-prometheus's request metrics and the site's own, for allowed scrapers."""

import math

import pytest
from prometheus_client.parser import text_string_to_metric_families

from subscriptions.tasks import send_digests

pytestmark = pytest.mark.django_db


def samples(response):
    assert response.status_code == 200, response.status_code
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_a_scraper_on_the_machine_reads_the_request_and_cache_metrics(
    browser, settings, about_section
):
    settings.PAGE_CACHE_SECONDS = 300
    browser.get("/")
    browser.get("/")
    found = samples(browser.get("/metrics"))
    assert any(name == "django_http_requests_total_by_method_total" for name, _ in found)
    for result in ("hit", "miss"):
        assert found[("rsis_cache_lookups_total", (("cache", "page"), ("result", result)))] >= 1
        assert found[("rsis_cache_lookups_total", (("cache", "content"), ("result", result)))]
    assert browser.get("/metrics")["Cache-Control"].startswith("max-age=0")


def test_the_queue_gauge_counts_tasks_waiting(browser, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _ in range(3):
        send_digests.enqueue()
    assert samples(browser.get("/metrics"))[("rsis_task_queue_ready", ())] == 3


def test_the_queue_is_unknown_while_the_database_is_away(browser, database):
    database.stop()
    assert math.isnan(samples(browser.get("/metrics"))[("rsis_task_queue_ready", ())])


def test_others_need_the_token(browser, settings):
    settings.METRICS_TOKEN = "scrape-secret-0123456789"
    outside = {"REMOTE_ADDR": "203.0.113.9"}
    assert browser.get("/metrics", **outside).status_code == 404
    wrong = {"authorization": "Bearer guessed"}
    assert browser.get("/metrics", headers=wrong, **outside).status_code == 404
    right = {"authorization": "Bearer scrape-secret-0123456789"}
    assert browser.get("/metrics", headers=right, **outside).status_code == 200


def test_a_visitor_through_the_proxy_is_judged_by_their_own_address(browser, settings):
    settings.PROXY_COUNT = 1
    forwarded = {"x-forwarded-for": "203.0.113.9"}
    assert browser.get("/metrics", headers=forwarded).status_code == 404
    assert browser.get("/metrics").status_code == 200  # the scraper beside gunicorn
