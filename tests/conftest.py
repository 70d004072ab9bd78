import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from core.demo import site_settings_load_demo
from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

from .factories import MenuItemFactory, SeriesFactory, UserFactory, logged_in, member_of


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_facts(db):
    site_settings_load_demo()


@pytest.fixture
def about_section(site_facts):
    """A small tree: Home link, About RSIS > (Introduction, Welcome Message), Terms of Use."""
    home = MenuItemFactory(title="Home", slug="home", kind="section", section="core:home")
    about = MenuItemFactory(title="About RSIS", slug="about-rsis")
    intro = MenuItemFactory(title="Introduction", slug="introduction", parent=about)
    welcome = MenuItemFactory(title="Welcome Message", slug="welcome-message", parent=about)
    terms = MenuItemFactory(title="Terms of Use", slug="terms-of-use", show_in_menu=False)
    return {"home": home, "about": about, "intro": intro, "welcome": welcome, "terms": terms}


@pytest.fixture
def demo_content(db):
    call_command("load_demo", "--no-admin", "--no-photos", verbosity=0)


@pytest.fixture
def visitor():
    """An anonymous client, separate from ``client`` (which ``staff_client`` logs in)."""
    return Client()


@pytest.fixture
def staff_client(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


# Members of staff in each back-office role (the groups the roles' migration creates).


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


# The two series most tests use.


@pytest.fixture
def commentaries(db):
    return SeriesFactory(
        name="Commentaries", item_name="RSIS Commentary", slug="commentaries", code_prefix="CO"
    )


@pytest.fixture
def policy_reports(db):
    return SeriesFactory(
        name="Policy Reports", item_name="Policy Report", slug="policy-reports", code_prefix="PR"
    )
