"""A Redis that goes away makes the site slower, never down: tested against a real Redis."""

import logging
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from core import content_cache, redis_cache
from core.content_cache import GENERATION_KEY
from publications.models import Publication
from tests.editorial.test_revisions import changeform_data
from tests.factories import PublicationFactory
from tests.servers import RedisServer, require_program

pytestmark = pytest.mark.django_db

PAGES = ["/", "/about-rsis/introduction/", "/publications/", "/feeds/publications/rss/"]


@pytest.fixture
def redis_server():
    server = RedisServer(require_program("redis-server", "redis-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_site(redis_server, settings, monkeypatch):
    """The production cache set-up (the page cache on) against the private Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.3)
    # No outage left behind by another test.
    monkeypatch.setattr(content_cache, "_outage", {"token": None, "ends": 0.0, "missed": False})
    return redis_server


@pytest.fixture
def item(site_facts):
    return PublicationFactory(title="Maritime Order at Sea", synopsis="Before the outage.")


def outage_messages(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "core.redis_cache"]


def edit_synopsis(client, publication, synopsis):
    url = reverse("admin:publications_publication_change", args=[publication.pk])
    return client.post(url, changeform_data(client.get(url), synopsis=synopsis))


def test_pages_answer_while_redis_is_down_and_the_cache_comes_back_by_itself(
    redis_site, about_section, item, visitor, editor_client, caplog
):
    detail = item.get_absolute_url()
    for path in [*PAGES, detail]:
        assert visitor.get(path).status_code == 200
    assert visitor.get(detail)["X-Page-Cache"] == "hit"

    redis_site.stop()
    with caplog.at_level(logging.INFO):
        for round_ in range(3):
            for path in [*PAGES, detail]:
                response = visitor.get(path)
                assert response.status_code == 200, path
                # Built from the database once, then kept in this process's memory.
                assert response["X-Page-Cache"] == ("miss" if round_ == 0 else "hit"), path
        response = edit_synopsis(editor_client, item, "Written while the cache was down.")
        assert response.status_code == 302
        assert "Written while the cache was down." in visitor.get(detail).content.decode()

        redis_site.start()
        time.sleep(0.4)  # the circuit's retry interval in this test
        first, second = visitor.get(detail), visitor.get(detail)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Written while the cache was down." in second.content.decode()
    item.refresh_from_db()
    assert item.synopsis == "Written while the cache was down."
    messages = outage_messages(caplog)
    assert len(messages) == 2, messages  # said once when it went, once when it came back
    assert "unreachable" in messages[0]
    assert "reachable again" in messages[1]


def test_changes_made_during_an_outage_are_not_hidden_by_what_redis_kept(
    redis_site, item, visitor, editor_client, caplog
):
    """Redis unreachable but not restarted (a network fault): it still holds the old pages."""
    detail = item.get_absolute_url()
    visitor.get(detail)
    assert visitor.get(detail)["X-Page-Cache"] == "hit"
    old_generation = cache.get(GENERATION_KEY)

    redis_site.command("CLIENT", "PAUSE", "2500", "ALL")
    paused_until = time.monotonic() + 2.5
    response = edit_synopsis(editor_client, item, "Corrected during the fault.")
    assert response.status_code == 302
    time.sleep(max(0.0, paused_until - time.monotonic()) + 0.4)

    page = visitor.get(detail)
    assert page.status_code == 200
    assert "Corrected during the fault." in page.content.decode()
    assert cache.get(GENERATION_KEY) != old_generation
    assert any("unreachable" in message for message in outage_messages(caplog))


def test_a_blip_without_changes_keeps_the_shared_generation(redis_site, item, visitor, caplog):
    """Nothing was changed while Redis did not answer: the pages Redis holds are still right."""
    detail = item.get_absolute_url()
    visitor.get(detail)
    generation = cache.get(GENERATION_KEY)

    redis_site.command("CLIENT", "PAUSE", "700", "ALL")
    assert visitor.get(detail).status_code == 200
    time.sleep(1.1)

    assert visitor.get(detail)["X-Page-Cache"] == "hit"
    assert cache.get(GENERATION_KEY) == generation
    messages = outage_messages(caplog)
    assert "unreachable" in messages[0] and "reachable again" in messages[-1]


def test_changes_made_elsewhere_during_an_outage_show_within_the_local_generations_life(
    redis_site, item, visitor, monkeypatch
):
    monkeypatch.setattr(content_cache, "OUTAGE_GENERATION_SECONDS", 0.5)
    detail = item.get_absolute_url()
    redis_site.stop()
    assert "Before the outage." in visitor.get(detail).content.decode()

    # Another worker's change: this process hears nothing of it.
    Publication.objects.filter(pk=item.pk).update(synopsis="Changed by another worker.")
    time.sleep(0.6)

    assert "Changed by another worker." in visitor.get(detail).content.decode()


def test_the_backend_answers_every_operation_while_redis_is_down(redis_site):
    cache.set("kept", 1)
    redis_site.stop()

    assert cache.get("kept", "default") == "default"
    assert cache.get_many(["kept", "other"]) == {}
    assert cache.add("new", 1) is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    cache.set("kept", 2)
    cache.delete("kept")
    cache.delete_many(["a", "b"])
    assert cache.has_key("kept") is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(ValueError):
        cache.incr("counter")
