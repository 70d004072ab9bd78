"""The HTTP caching settings, from the environment: how long browsers and shared caches (a CDN,
nginx's cache) may keep a public page, and whom to tell when content changes.

``DJANGO_CDN_MAX_AGE`` (browsers, 60 s), ``DJANGO_CDN_S_MAXAGE`` (shared caches, 300 s) and
``DJANGO_CDN_STALE_SECONDS`` (how long a shared cache may serve the old copy while it fetches
the new one, 60 s). After each committed change the site purges what is configured:
``DJANGO_CDN_PURGE_URL`` (one or more addresses, comma-separated, each sent a POST, with
``DJANGO_CDN_PURGE_TOKEN`` as a bearer token if set), ``DJANGO_NGINX_CACHE_DIR`` (nginx's
``proxy_cache_path`` on this machine, emptied) and ``DJANGO_CDN_PURGE_BACKEND`` (the dotted path
of a class of your own with a ``purge()`` method). ``DJANGO_CDN_PURGE_TIMEOUT`` (5 s) bounds
each call.
"""

from django.core.exceptions import ImproperlyConfigured


def _seconds(environ, name, default):
    return int(environ.get(name) or default)


def _purge_urls(environ):
    urls = [url.strip() for url in environ.get("DJANGO_CDN_PURGE_URL", "").split(",")]
    for url in filter(None, urls):
        if not url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(f"DJANGO_CDN_PURGE_URL must be http(s) addresses: {url}")
    return list(filter(None, urls))


def http_cache_settings(environ):
    """``{setting: value}`` for ``core.http_cache`` and ``core.cdn`` from ``environ``."""
    return {
        "CDN_MAX_AGE": _seconds(environ, "DJANGO_CDN_MAX_AGE", 60),
        "CDN_S_MAXAGE": _seconds(environ, "DJANGO_CDN_S_MAXAGE", 300),
        "CDN_STALE_SECONDS": _seconds(environ, "DJANGO_CDN_STALE_SECONDS", 60),
        "CDN_PURGE_URLS": _purge_urls(environ),
        "CDN_PURGE_TOKEN": environ.get("DJANGO_CDN_PURGE_TOKEN", ""),
        "CDN_PURGE_TIMEOUT": float(environ.get("DJANGO_CDN_PURGE_TIMEOUT") or 5),
        "CDN_PURGE_BACKEND": environ.get("DJANGO_CDN_PURGE_BACKEND", ""),
        "NGINX_CACHE_DIR": environ.get("DJANGO_NGINX_CACHE_DIR", ""),
    }
