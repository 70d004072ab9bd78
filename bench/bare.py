"""The smallest useful Django WSGI app: the baseline that ``bench/run.py`` compares pages to.

Settings live in this file: DEBUG off, no database, no templates, only CommonMiddleware and
one URL that returns a fixed ``HttpResponse("ok")``. Serve it with the same gunicorn options as
the site, from this directory::

    gunicorn bare:application --chdir bench --workers 2 --bind 127.0.0.1:8101
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-bare-view-not-a-secret-" + "x" * 32,  # noqa: S106 - no sessions here
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        DATABASES={},
        INSTALLED_APPS=[],
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
        USE_TZ=True,
    )


def ok(request):
    """Return a fixed two-byte response without touching a database or a template."""
    return HttpResponse("ok")


urlpatterns = [path("", ok)]

application = get_wsgi_application()
