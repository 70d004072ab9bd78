from django.shortcuts import render


def home(request):
    """The home page: the school's introduction and the entry points of the menu."""
    return render(request, "core/home.html")
