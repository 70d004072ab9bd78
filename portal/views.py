from django.shortcuts import render

from .home import home_html


def home(request):
    """The home page: featured and latest publications, events, coverage and entry points."""
    return render(request, "portal/home.html", {"home_body": home_html()})
