"""WSGI entry point, used by gunicorn: ``gunicorn rsis_site.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rsis_site.settings.base")

application = get_wsgi_application()
