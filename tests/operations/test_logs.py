"""Request ids and JSON logs: one object per line, each naming its request."""

import io
import json
import logging
import logging.config
import re

import pytest

from rsis_site.settings.operations import operations_settings

pytestmark = pytest.mark.django_db


def test_each_request_gets_an_id_in_its_response(browser):
    first, second = browser.get("/healthz-not-a-probe/"), browser.get("/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_id_is_kept_when_well_formed_and_from_a_trusted_proxy(browser):
    nginx_id = "0123456789abcdef0123456789abcdef"
    assert browser.get("/", headers={"x-request-id": nginx_id})["X-Request-ID"] == nginx_id
    for made_up in ('x" level="CRITICAL', "short", "a" * 200):
        given = browser.get("/", headers={"x-request-id": made_up})["X-Request-ID"]
        assert given != made_up and re.fullmatch(r"[0-9a-f]{32}", given)
    # Straight from the internet, not through the proxy: not believed.
    outside = browser.get("/", headers={"x-request-id": nginx_id}, REMOTE_ADDR="203.0.113.9")
    assert outside["X-Request-ID"] != nginx_id


@pytest.fixture
def json_logs(settings):
    """The production logging set-up with DJANGO_LOG_FORMAT=json, its lines kept in memory."""
    logging.config.dictConfig(operations_settings({"DJANGO_LOG_FORMAT": "json"})["LOGGING"])
    stream = io.StringIO()
    (handler,) = logging.getLogger().handlers
    handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


def test_json_logs_give_one_object_per_line_with_the_request(json_logs, browser, database):
    response = browser.get("/", headers={"x-request-id": "abcdef0123456789"})
    assert response.status_code == 200
    database.stop()
    failed = browser.get("/publications/")
    assert failed.status_code == 503
    lines = json_logs()
    served = [line for line in lines if line["logger"] == "operations.requests"]
    assert [(line["method"], line["path"], line["status"]) for line in served] == [
        ("GET", "/", 200),
        ("GET", "/publications/", 503),
    ]
    assert served[0]["request_id"] == "abcdef0123456789"
    assert served[0]["message"] == "GET / 200" and served[0]["level"] == "INFO"
    assert isinstance(served[0]["duration_ms"], float)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", served[0]["time"])
    # What the request logged on its way carries its id too.
    error = next(line for line in lines if line["logger"] == "django.request")
    assert error["level"] == "ERROR" and error["request_id"] == failed["X-Request-ID"]
    assert error["path"] == "/publications/" and "OperationalError" in error["exc_info"]


def test_plain_text_logs_by_default():
    config = operations_settings({})["LOGGING"]
    assert "formatter" not in config["handlers"]["console"]
    assert config["loggers"]["operations.requests"]["level"] == "WARNING"
