import hashlib
import time
from importlib import import_module
from types import SimpleNamespace

from django.conf import settings
from django.contrib import auth
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.crypto import constant_time_compare

from .content_cache import GENERATION_KEY, checked, current_generation, request_generation
from .feeds import answer_conditionally
from .memory import BoundedLRU
from .metrics import PAGE_HIT, PAGE_MISS

MAX_CACHED_QUERY = 300
STAFF_MARK_COOKIE = "rsis_staff"
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    """Serve anonymous GET requests from a cache of whole pages, per content generation.

    Pages are kept in the shared cache and, for the most recent ones, in this process's memory;
    either copy is used only while the content generation it was made in is current, so a hit
    costs one small cache read. Signed-in staff (editing or previewing) always get a fresh page,
    and so does any response that sets a cookie or says it is private; a session cookie that is
    not a live staff session (made up, expired, logged out) gets the cached page like everyone
    else, so that it cannot be used to switch the cache off. Pages also
    expire after ``PAGE_CACHE_SECONDS`` at the latest (scheduled items end a generation by
    themselves, see ``register_deadline``);
    0 turns the page cache off while keeping the content generation for fragments.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # The most recent pages, within ``settings.PAGE_CACHE_LOCAL_BYTES`` of their content.
        self.local = BoundedLRU(lambda: settings.PAGE_CACHE_LOCAL_BYTES)

    def __call__(self, request):
        token = request_generation.set(None)
        try:
            if not self.cacheable_request(request) or self.staff_session(request):
                request_generation.set(current_generation())
                return self.get_response(request)
            key = self.key(request)
            generation, entry = self.lookup(key)
            request_generation.set(generation)
            if entry is not None:
                PAGE_HIT.inc()
                # A feed reader holding this answer already (its ETag or date) gets 304.
                return answer_conditionally(request, self.rebuild(entry))
            PAGE_MISS.inc()
            response = self.get_response(request)
            if self.cacheable_response(response):
                response["X-Page-Cache"] = "miss"
                self.store(key, generation, response)
            return response
        finally:
            request_generation.reset(token)

    def lookup(self, key):
        """The current generation and, if one was made in it, the stored page (one round trip)."""
        local = self.local.get(key)
        if local is not None:
            generation = current_generation()
            if local[0] == generation and local[4] > time.monotonic():
                return generation, local
            shared = cache.get(key)
        else:
            found = cache.get_many([GENERATION_KEY, key])
            generation = checked(found.get(GENERATION_KEY))
            shared = found.get(key)
        if shared is not None and shared[0] == generation:
            entry = (*shared, time.monotonic() + settings.PAGE_CACHE_SECONDS)
            self.remember(key, entry)
            return generation, entry
        return generation, None

    def store(self, key, generation, response):
        entry = (generation, response.status_code, list(response.items()), response.content)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        self.remember(key, (*entry, time.monotonic() + settings.PAGE_CACHE_SECONDS))

    def remember(self, key, entry):
        _, _, headers, content, _ = entry
        size = len(content) + sum(len(name) + len(value) for name, value in headers)
        self.local.put(key, entry, size)

    @staticmethod
    def rebuild(entry):
        _, status, headers, content, _expires = entry
        response = HttpResponse(content, status=status, headers=dict(headers))
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in request.META
            and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY
            and not request.path.startswith("/admin/")
        )

    @staticmethod
    def staff_session(request):
        """Whether the request carries the session of an active member of staff.

        Without the staff mark that goes with its session cookie (``StaffMarkMiddleware``) a
        request is a visitor's, at no cost: a made-up cookie cannot make the site read the
        database. With it, the session and its user are read once; the user is kept on the
        request, so authentication does not read it again.
        """
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key or not constant_time_compare(
            request.COOKIES.get(STAFF_MARK_COOKIE, ""), staff_mark(session_key)
        ):
            return False
        session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        if auth.SESSION_KEY not in session:
            return False
        user = auth.get_user(SimpleNamespace(session=session))
        if not (user.is_active and user.is_staff):
            return False
        request._cached_user = user
        return True

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
        return f"page:v2:{request.method}:{digest}"


def staff_mark(session_key):
    """The mark that says a session is a member of staff's: the session key, signed."""
    return signing.Signer(salt="core.staff-mark").sign(session_key).rpartition(":")[2]


class StaffMarkMiddleware:
    """Give signed-in staff the mark ``PageCacheMiddleware`` looks for, and take it away.

    Placed after the authentication middleware. The mark is signed with the site's secret and
    tied to the session key, so it cannot be made up and dies with the session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        has_mark = STAFF_MARK_COOKIE in request.COOKIES
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # A visitor without a session: nothing to read. Staff who just signed in get the
            # mark with their next request, the page the sign-in leads to.
            if has_mark:
                response.delete_cookie(STAFF_MARK_COOKIE, samesite="Lax")
            return response
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and user.is_staff and session is not None:
            mark = staff_mark(session.session_key or "")
            if session.session_key and request.COOKIES.get(STAFF_MARK_COOKIE) != mark:
                response.set_cookie(
                    STAFF_MARK_COOKIE,
                    mark,
                    max_age=None
                    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
                    else settings.SESSION_COOKIE_AGE,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        elif has_mark and user is not None and not user.is_authenticated:
            response.delete_cookie(STAFF_MARK_COOKIE, samesite="Lax")
        return response
