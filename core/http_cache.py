"""What browsers and shared caches (a CDN, nginx's cache) may do with each answer.

A public answer (a page, a feed, a PDF, an image served by the site) that a visitor asked for
with GET or HEAD says so: ``public, max-age=…, s-maxage=…, stale-while-revalidate=…`` from
the settings, so a CDN keeps it longer than a browser and can refresh it in the background.
Its ``ETag`` (made by ``ConditionalGetMiddleware`` and kept with the page by the page cache)
lets both revalidate it with a 304.

Anything personal is ``private, no-store``: the admin, a request carrying the staff mark
(``core.middleware.StaffMarkMiddleware``), and any answer that sets a cookie or varies on
the cookies (Django's sessions and CSRF add ``Vary: Cookie`` when they are used). A public
answer thus never carries a cookie or ``Vary: Cookie``, which would keep a CDN from sharing it.
Answers that already say how they may be kept (previews, share links, forms) are left alone,
and so are errors and redirects.
"""

from django.conf import settings
from django.utils.cache import has_vary_header

from .middleware import STAFF_MARK_COOKIE

PERSONAL = "private, no-store"


def public_cache_control():
    return (
        f"public, max-age={settings.CDN_MAX_AGE}, s-maxage={settings.CDN_S_MAXAGE}, "
        f"stale-while-revalidate={settings.CDN_STALE_SECONDS}"
    )


class HttpCacheMiddleware:
    """Give each answer its ``Cache-Control`` (see above). Placed outside the page cache, so
    that pages served from it get the header of the current settings too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.personal(request, response):
            response["Cache-Control"] = PERSONAL
        elif request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            response["Cache-Control"] = public_cache_control()
        return response

    @staticmethod
    def personal(request, response):
        return (
            request.path.startswith("/admin/")
            or STAFF_MARK_COOKIE in request.COOKIES
            or bool(response.cookies)
            or has_vary_header(response, "Cookie")
        )
