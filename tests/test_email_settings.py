"""The email settings read from the environment."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from rsis_site.settings.email import CONSOLE, SMTP, email_settings


def test_an_email_url_with_starttls():
    got = email_settings(
        {"EMAIL_URL": "smtp://web%40rsis:p%40ss@mail.example.org:587/?tls=1"}, debug=False
    )
    assert got["EMAIL_BACKEND"] == SMTP
    assert (got["EMAIL_HOST"], got["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (got["EMAIL_HOST_USER"], got["EMAIL_HOST_PASSWORD"]) == ("web@rsis", "p@ss")
    assert (got["EMAIL_USE_TLS"], got["EMAIL_USE_SSL"]) == (True, False)


def test_smtps_means_tls_from_the_start_on_465():
    got = email_settings({"EMAIL_URL": "smtps://user:secret@mail.example.org"}, debug=True)
    assert (got["EMAIL_PORT"], got["EMAIL_USE_SSL"], got["EMAIL_USE_TLS"]) == (465, True, False)


def test_separate_variables_and_the_sender():
    got = email_settings(
        {
            "DJANGO_EMAIL_HOST": "relay.example.org",
            "DJANGO_EMAIL_PORT": "2525",
            "DJANGO_EMAIL_HOST_USER": "web",
            "DJANGO_EMAIL_HOST_PASSWORD": "secret",
            "DJANGO_EMAIL_USE_TLS": "yes",
            "DJANGO_DEFAULT_FROM_EMAIL": "RSIS <web@rsis.example>",
        },
        debug=False,
    )
    assert got["EMAIL_BACKEND"] == SMTP
    assert (got["EMAIL_HOST"], got["EMAIL_PORT"], got["EMAIL_USE_TLS"]) == (
        "relay.example.org",
        2525,
        True,
    )
    assert got["DEFAULT_FROM_EMAIL"] == got["SERVER_EMAIL"] == "RSIS <web@rsis.example>"


def test_development_prints_emails_unless_a_server_is_given():
    assert email_settings({}, debug=True)["EMAIL_BACKEND"] == CONSOLE
    assert email_settings({"EMAIL_URL": "console://"}, debug=False)["EMAIL_BACKEND"] == CONSOLE
    served = email_settings({"EMAIL_URL": "smtp://mail.example.org"}, debug=True)
    assert served["EMAIL_BACKEND"] == SMTP
    # Production without a server: Django's own default (SMTP on localhost).
    assert "EMAIL_BACKEND" not in email_settings({}, debug=False)


@pytest.mark.parametrize(
    "url", ["http://mail.example.org", "smtp://", "smtp://mail.example.org:notaport/"]
)
def test_a_bad_email_url_stops_the_start(url):
    with pytest.raises(ImproperlyConfigured):
        email_settings({"EMAIL_URL": url}, debug=False)


def test_the_tests_keep_emails_in_memory():
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
