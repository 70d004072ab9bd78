"""Old addresses answered once nothing else on the site answers them."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from . import services, tracking
from .models import Redirect


class RedirectFallbackMiddleware:
    """Answer a page not found (404) from the old addresses kept: 301 to where the content is
    now, or 410 Gone. The request's address is looked up with and without its trailing slash;
    the request's query is not passed on.

    Placed inside ``CommonMiddleware``, so that an old address without its trailing slash is
    answered at once rather than after an added slash, and inside the page cache, which keeps
    only pages found (200): a page that is found costs nothing here. Only the home page with
    an old WordPress query (``/?p=123``), which the home page would answer, is looked up
    before the page is made; any other query at the home page costs nothing either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.GET:
            old = services.wordpress_path(request.GET)
            if old is not None:
                response = self.answer(request, [old])
                if response is not None:
                    return response
                # Not kept: the home page, never cached, so that a redirect kept later shows.
                response = self.get_response(request)
                patch_cache_control(response, no_cache=True)
                return response
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return self.answer(request, self.old_addresses(request)) or response

    @staticmethod
    def old_addresses(request):
        paths = services.with_and_without_slash(request.path)
        old = services.site_path(request.get_full_path()) if request.GET else None
        if old is not None and old not in paths:
            paths.append(old)  # /index.php?p=123
        return paths

    def answer(self, request, paths):
        """The answer of the first of ``paths`` kept as an old address, or None."""
        redirect = services.redirect_find(paths)
        if redirect is None:
            return None
        if redirect.status == Redirect.Status.GONE:
            return self.gone(request, redirect)
        if redirect.content_type_id is None:
            location = redirect.target_path
        else:
            item = tracking.target_item(redirect)
            if item is None:
                return None
            if not tracking.is_public(item):
                return self.gone(request, redirect) if tracking.is_gone(item) else None
            location = tracking.address_of(item)
        here = services.site_path(location) if services.on_site(location) else None
        if here is None or services.same_place(here, redirect.old_path):
            return None  # never off the site, never a loop: the page not found stands
        services.redirect_visited(redirect)
        return HttpResponsePermanentRedirect(location)

    @staticmethod
    def gone(request, redirect):
        services.redirect_visited(redirect)
        return render(request, "redirects/gone.html", status=410)
