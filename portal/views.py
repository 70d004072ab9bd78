from django.shortcuts import render
from django.utils.safestring import mark_safe

from .home import home_html


def home(request):
    """The home page: featured and latest publications, events, coverage and entry points."""
    body = mark_safe(home_html())  # noqa: S308 - rendered by our own autoescaping template
    return render(request, "portal/home.html", {"home_body": body})
