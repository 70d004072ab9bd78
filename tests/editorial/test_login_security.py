"""The back office's doors: login throttling, strong passwords, expiring sessions, CSRF and
clickjacking protection."""

import datetime

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from tests.factories import UserFactory

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-test-password"


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.fixture
def editor_account(db):
    return UserFactory(username="kim", is_staff=True)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_repeated_failures_lock_the_account_with_a_clear_message(editor_account):
    client = Client()
    for _ in range(4):
        response = attempt(client, "kim", "wrong guess")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    locked = attempt(client, "kim", "wrong guess")
    assert locked.status_code == 429
    assert "Sign-in locked for now" in locked.content.decode()
    # Even the right password is refused while locked, and no session is opened.
    again = attempt(client, "kim", PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lock ends after the cool-off time.
    with time_machine.travel(datetime.timedelta(hours=1, minutes=1)):
        assert attempt(client, "kim", PASSWORD).status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_lock_is_per_username_and_a_success_resets_the_count(editor_account, db):
    UserFactory(username="lee", is_staff=True)
    client = Client()
    for _ in range(4):
        attempt(client, "kim", "wrong guess")
    assert attempt(client, "kim", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "kim", "wrong guess").status_code == 200
    for _ in range(5):
        attempt(Client(), "lee", "wrong guess")
    assert attempt(Client(), "lee", PASSWORD).status_code == 429
    assert attempt(Client(), "kim", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password", ["short-pw", "password1234", "123456789012345", "kimberly-tan-1"]
)
def test_weak_passwords_are_refused(password, db):
    user = UserFactory.build(username="kimberly-tan-1", email="kim@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_strong_password_passes(db):
    validate_password("harbour-lantern-quietly-47", UserFactory.build(username="kim"))


def test_admin_refuses_a_weak_password_for_a_new_user(administrator_client):
    response = administrator_client.post(
        "/admin/auth/user/add/",
        {
            "username": "newcomer",
            "password1": "password1",
            "password2": "password1",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()


def test_session_expires_after_eight_hours_and_at_browser_close(editor_account):
    client = Client()
    assert attempt(client, "kim", PASSWORD).status_code == 302
    cookie = client.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    assert client.get("/admin/").status_code == 200
    with time_machine.travel(datetime.timedelta(hours=8, minutes=5)):
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_admin_forms_need_the_csrf_token(editor_account):
    client = Client(enforce_csrf_checks=True)
    assert attempt(client, "kim", PASSWORD).status_code == 403


def test_admin_pages_cannot_be_framed(editor_account):
    response = Client().get(LOGIN)
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the visitor's own entry is not believed
        (2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "", "10.0.0.1"),
    ],
)
def test_throttling_counts_the_visitors_address_behind_the_proxy(
    settings, proxies, forwarded, expected
):
    from django.test import RequestFactory

    from editorial.security import client_address

    settings.PROXY_COUNT = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")
    assert client_address(request) == expected


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, PROXY_COUNT=1)
def test_behind_a_proxy_one_visitor_cannot_lock_out_another(editor_account):
    attacker = Client(HTTP_X_FORWARDED_FOR="198.51.100.7")
    for _ in range(5):
        attacker.post(LOGIN, {"username": "kim", "password": "wrong guess"})
    assert attacker.post(LOGIN, {"username": "kim", "password": PASSWORD}).status_code == 429
    colleague = Client(HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert colleague.post(LOGIN, {"username": "kim", "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize("remote", ["203.0.113.50", "2001:db8::5", "not-an-address", ""])
def test_forwarded_addresses_are_not_believed_from_outside_the_proxy_networks(settings, remote):
    from django.test import RequestFactory

    from editorial.security import client_address

    settings.PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="198.51.100.7", REMOTE_ADDR=remote)
    assert client_address(request) == remote


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, PROXY_COUNT=1)
def test_forged_forwarded_addresses_do_not_dodge_the_lock_out_when_gunicorn_is_reached_directly(
    editor_account,
):
    for attempt in range(20):
        Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}", REMOTE_ADDR="203.0.113.50").post(
            LOGIN, {"username": "kim", "password": "wrong guess"}
        )
    attacker = Client(HTTP_X_FORWARDED_FOR="198.51.100.99", REMOTE_ADDR="203.0.113.50")
    assert attacker.post(LOGIN, {"username": "kim", "password": PASSWORD}).status_code == 429


def test_a_proxy_seen_through_an_ipv6_socket_is_still_trusted(settings):
    from django.test import RequestFactory

    from editorial.security import client_address

    settings.PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="::ffff:127.0.0.1"
    )
    assert client_address(request) == "203.0.113.9"
