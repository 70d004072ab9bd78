import pytest

from core import content_cache
from core.memory import BoundedLRU, size_of
from core.middleware import PageCacheMiddleware


def test_bounded_lru_drops_the_least_recently_used_once_over_budget():
    kept = BoundedLRU(lambda: 10)
    kept.put("a", "aaaa")
    kept.put("b", "bbbb")
    assert kept.get("a") == "aaaa"  # "a" is now the most recently used
    kept.put("c", "cccc")
    assert list(kept) == ["a", "c"]
    assert kept.size == 8
    assert kept.get("b") is None


def test_bounded_lru_keeps_no_value_larger_than_its_budget_and_counts_replacements_once():
    kept = BoundedLRU(lambda: 10)
    kept.put("a", "x" * 11)
    assert "a" not in kept and kept.size == 0
    kept.put("a", "xx")
    kept.put("a", "xxx")
    assert kept.size == 3 and len(kept) == 1
    del kept["a"]
    assert kept.size == 0 and len(kept) == 0


def test_sizes_are_lengths_of_strings_and_pickles():
    assert size_of("héllo") == 5
    assert size_of(b"abc") == 3
    assert size_of({"head": "ab", "body": "cde"}) == len("head") + 2 + len("body") + 3
    assert size_of({1, 2, 3}) > 0  # anything else: its pickle's length


@pytest.mark.django_db
def test_content_memo_stays_within_its_byte_budget(settings):
    settings.CONTENT_CACHE_LOCAL_BYTES = 3000
    content_cache._local.clear()
    for n in range(20):
        content_cache.memo(f"test:fragment:{n}", lambda: "x" * 1000)
    assert content_cache._local.size <= 3000
    assert len(content_cache._local) == 3
    # The most recent are the ones kept; an older value is built again from the shared cache.
    assert content_cache.memo("test:fragment:19", lambda: "y") == "x" * 1000
    content_cache._local.clear()


def test_page_cache_keeps_pages_within_its_byte_budget(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 10**6
    middleware = PageCacheMiddleware(lambda request: None)
    entry = ("generation", 200, [("Content-Type", "text/html")], b"x" * 300_000, 0.0)
    for n in range(5):
        middleware.remember(f"page:{n}", entry)
    assert len(middleware.local) == 3
    assert middleware.local.size <= 10**6
    assert list(middleware.local) == ["page:2", "page:3", "page:4"]
