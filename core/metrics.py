"""Counters the caches keep for Prometheus (read at ``/metrics``): hits and misses, so that
the hit rate of the content cache and the page cache can be followed over time."""

from prometheus_client import Counter

CACHE_LOOKUPS = Counter(
    "rsis_cache_lookups",
    "Lookups in the content cache (memo) and the page cache, by result (hit or miss).",
    ["cache", "result"],
)
CONTENT_HIT = CACHE_LOOKUPS.labels(cache="content", result="hit")
CONTENT_MISS = CACHE_LOOKUPS.labels(cache="content", result="miss")
PAGE_HIT = CACHE_LOOKUPS.labels(cache="page", result="hit")
PAGE_MISS = CACHE_LOOKUPS.labels(cache="page", result="miss")
