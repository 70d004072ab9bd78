"""The email settings, from the environment.

Either one address, ``EMAIL_URL`` (``smtp://user:password@host:587/?tls=1``; ``smtps://`` for
TLS from the first byte, usually port 465; ``console://`` to print emails), or the separate
``DJANGO_EMAIL_HOST``, ``_PORT``, ``_HOST_USER``, ``_HOST_PASSWORD`` and ``_USE_TLS``.
``DJANGO_DEFAULT_FROM_EMAIL`` is the sender. With ``DJANGO_DEBUG`` on and no server given,
emails are printed on the console; the tests keep them in memory (Django's test runner).
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
TRUE = {"1", "true", "yes", "on"}


def _flag(value):
    return (value or "").strip().lower() in TRUE


def email_settings(environ, *, debug):
    """``{setting: value}`` for Django's email framework from ``environ``."""
    settings = {
        "DEFAULT_FROM_EMAIL": environ.get("DJANGO_DEFAULT_FROM_EMAIL") or "webmaster@localhost",
        # A mail server that does not answer holds a request at most this long.
        "EMAIL_TIMEOUT": int(environ.get("DJANGO_EMAIL_TIMEOUT") or 10),
    }
    settings["SERVER_EMAIL"] = settings["DEFAULT_FROM_EMAIL"]
    url = environ.get("EMAIL_URL", "").strip()
    host = environ.get("DJANGO_EMAIL_HOST", "").strip()
    if url:
        settings.update(_from_url(url))
    elif host:
        settings.update(
            EMAIL_BACKEND=SMTP,
            EMAIL_HOST=host,
            EMAIL_PORT=int(environ.get("DJANGO_EMAIL_PORT") or 25),
            EMAIL_HOST_USER=environ.get("DJANGO_EMAIL_HOST_USER", ""),
            EMAIL_HOST_PASSWORD=environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
            EMAIL_USE_TLS=_flag(environ.get("DJANGO_EMAIL_USE_TLS")),
        )
    elif debug:
        settings["EMAIL_BACKEND"] = CONSOLE
    return settings


def _from_url(url):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE}
    if scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, smtps:// or console://, not {scheme}://."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no mail server, e.g. smtp://mail.example.org")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    ssl = scheme == "smtps" or _flag(query.get("ssl"))
    try:
        port = parts.port or (465 if ssl else 25)
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL has a bad port: {error}") from None
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": not ssl and _flag(query.get("tls")),
    }
