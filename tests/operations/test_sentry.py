"""Sentry starts only with SENTRY_DSN (checked in a fresh process: it is process-wide)."""

import os
import subprocess
import sys

from tests.servers import free_port

PROBE = (
    "import django, sentry_sdk; django.setup(); "
    "print(sentry_sdk.get_client().is_active(), sentry_sdk.get_client().options['environment'])"
)


def started(**environ):
    env = {key: value for key, value in os.environ.items() if not key.startswith("SENTRY_")}
    env.update(DJANGO_SETTINGS_MODULE="rsis_site.settings.test", **environ)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_nothing_is_started_without_a_dsn():
    assert started()[0] == "False"


def test_a_dsn_starts_it_with_its_environment():
    # A closed port on this machine: nothing is ever sent anywhere.
    dsn = f"http://public@127.0.0.1:{free_port()}/1"
    assert started(SENTRY_DSN=dsn, SENTRY_ENVIRONMENT="staging") == ["True", "staging"]
