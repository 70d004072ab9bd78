from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe

from .home import home_html


def home(request):
    """The home page: featured and latest publications, events, coverage and entry points."""
    body = mark_safe(home_html())  # noqa: S308 - rendered by our own autoescaping template
    return render(request, "core/home.html", {"home_body": body})


def robots(request):
    """Crawlers may read everything public; the back office and search results are off limits."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
