import hashlib

from django.conf import settings
from django.core.cache import cache

from .content_cache import current_generation, request_generation

MAX_CACHED_QUERY = 300
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    """Serve anonymous GET requests from a cache of whole pages, per content generation.

    Anyone with a session (staff editing or previewing) always gets a fresh page, and so does
    any response that sets a cookie or says it is private. Pages also expire after
    ``PAGE_CACHE_SECONDS`` so that time-based changes (scheduled items) show up; 0 turns the
    page cache off while keeping the content generation for fragments.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_generation.set(None)
        try:
            request_generation.set(current_generation())
            if not self.cacheable_request(request):
                return self.get_response(request)
            key = self.key(request)
            response = cache.get(key)
            if response is not None:
                response["X-Page-Cache"] = "hit"
                return response
            response = self.get_response(request)
            if self.cacheable_response(response):
                response["X-Page-Cache"] = "miss"
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            return response
        finally:
            request_generation.reset(token)

    @staticmethod
    def cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY
            and not request.path.startswith("/admin/")
        )

    @staticmethod
    def cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in UNCACHEABLE_CACHE_CONTROL)
        )

    @staticmethod
    def key(request):
        url = request.build_absolute_uri()
        digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
        return f"page:{current_generation()}:{request.method}:{digest}"
