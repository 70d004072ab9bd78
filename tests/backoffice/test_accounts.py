"""Staff accounts and roles in plain words, still for administrators only."""

import pytest
from django.contrib.auth.models import Group

from editorial.roles import EDITOR


def test_an_administrator_gives_roles_to_a_staff_account(administrator_client, contributor):
    url = f"/admin/auth/user/{contributor.pk}/change/"
    html = administrator_client.get(url).content.decode()
    assert 'for="id_groups">Roles:</label>' in html
    assert "May sign in to the back office" in html
    assert "Designates whether" not in html  # Django's wording, replaced
    form = administrator_client.get(url).context["adminform"].form
    data = {
        "username": contributor.username,
        "first_name": "Kim",
        "last_name": "Tan",
        "email": "kim@example.org",
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(Group.objects.get(name=EDITOR).pk)],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "1/1/2026",
        "date_joined_1": "09:00",
    }
    response = administrator_client.post(url, data)
    assert response.status_code == 302, form.errors
    contributor.refresh_from_db()
    assert [group.name for group in contributor.groups.all()] == [EDITOR]
    listing = administrator_client.get("/admin/auth/user/").content.decode()
    assert "By role" in listing


@pytest.mark.parametrize("who", ["editor_client", "contributor_client"])
def test_others_are_refused_the_accounts_and_roles(request, who, administrator):
    client = request.getfixturevalue(who)
    for url in ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]:
        assert client.get(url).status_code == 403, url
    forged = {"username": "intruder", "password1": "x" * 20, "password2": "x" * 20}
    assert client.post("/admin/auth/user/add/", forged).status_code == 403
    change = f"/admin/auth/user/{administrator.pk}/change/"
    assert client.post(change, {"username": "taken-over", "is_superuser": "on"}).status_code == 403
    administrator.refresh_from_db()
    assert administrator.username == "administrator"
