"""Clients logged in as each back-office role (the groups the roles' migration creates)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

from ..factories import UserFactory


def member_of(role, **fields):
    user = UserFactory(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def contributor(db):
    return member_of(CONTRIBUTOR, username="contributor")


@pytest.fixture
def editor(db):
    return member_of(EDITOR, username="editor")


@pytest.fixture
def administrator(db):
    return member_of(ADMINISTRATOR, username="administrator")


@pytest.fixture
def contributor_client(contributor):
    return logged_in(contributor)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def administrator_client(administrator):
    return logged_in(administrator)
