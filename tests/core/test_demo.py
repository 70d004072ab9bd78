import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.models import FooterLink, SiteSettings, SocialLink
from navigation.models import MenuItem

pytestmark = pytest.mark.django_db


def counts():
    return (
        MenuItem.objects.count(),
        SiteSettings.objects.count(),
        SocialLink.objects.count(),
        FooterLink.objects.count(),
        get_user_model().objects.count(),
    )


def test_load_demo_twice_neither_fails_nor_duplicates(capsys):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")

    assert counts() == first == (96, 1, 5, 6, 3)
    out = capsys.readouterr().out
    assert "Created 13 people, 7 centres and 96 menu items." in out
    assert "Created 0 people, 0 centres and 0 menu items." in out
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    # One demo account for each editorial role, to try the back office as each.
    assert [g.name for g in users.get(username="editor").groups.all()] == ["Editor"]
    assert [g.name for g in users.get(username="contributor").groups.all()] == ["Contributor"]
    assert not users.get(username="contributor").is_superuser


def test_load_demo_keeps_editors_changes(demo_content):
    intro = MenuItem.objects.get(slug="introduction")
    intro.title = "Who we are"
    intro.save()

    call_command("load_demo", "--no-admin", verbosity=0)

    intro.refresh_from_db()
    assert intro.title == "Who we are"


def test_every_demo_menu_target_on_this_site_renders(client, demo_content):
    items = MenuItem.objects.exclude(kind="url")
    assert items.filter(kind="page").count() == 47
    assert items.filter(kind="section").count() == 49
    for item in items:
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, item.get_absolute_url()
