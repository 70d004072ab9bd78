from django.http import HttpResponse
from django.urls import reverse


def robots(request):
    """Crawlers may read everything public; the back office and search results are off limits."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
