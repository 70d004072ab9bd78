"""The "Activity" list: who changed what and when, for editors and administrators only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision

from ..factories import (
    MenuItemFactory,
    PublicationFactory,
    SeriesFactory,
    UserFactory,
    logged_in,
    member_of,
)
from .test_revisions import admin_url, delete_through_admin, save_through_admin

pytestmark = pytest.mark.django_db

ACTIVITY = reverse("admin:reversion_revision_changelist")


def rows(response):
    return list(response.context["cl"].result_list)


def test_contributor_cannot_see_the_activity_list(contributor_client):
    assert contributor_client.get(ACTIVITY).status_code == 403


def test_visitors_are_sent_to_the_login_page(visitor):
    response = visitor.get(ACTIVITY)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_editor_sees_changes_newest_first_with_who_what_and_links(editor_client, editor):
    first = SeriesFactory(name="Commentaries")
    second = MenuItemFactory(title="About us")
    save_through_admin(editor_client, first, name="RSIS Commentaries")
    save_through_admin(editor_client, second, title="About RSIS")

    response = editor_client.get(ACTIVITY)
    assert response.status_code == 200
    assert [r.version_set.get().object_repr for r in rows(response)] == [
        "About RSIS",
        "RSIS Commentaries",
    ]
    html = response.content.decode()
    assert f'href="{admin_url(second, "history", second.pk)}"' in html
    assert f'href="{admin_url(first, "history", first.pk)}"' in html
    assert "Menu item: About RSIS" in html
    assert "Changed Title." in html  # the note the admin writes
    assert editor.username in html


def test_the_time_is_shown_in_the_site_time_zone(editor_client):
    save_through_admin(editor_client, SeriesFactory())
    revision = Revision.objects.get()
    revision.date_created = datetime.datetime(2024, 3, 1, 16, 30, tzinfo=datetime.UTC)
    revision.save()
    html = editor_client.get(ACTIVITY).content.decode()
    # 16:30 UTC is half past midnight the next day in Singapore, in the admin's one format.
    assert "2 Mar 2024, 00:30" in html
    assert "1 Mar 2024, 16:30" not in html
    assert "a.m." not in html


def test_editor_filters_by_user_and_searches(editor_client, editor):
    other = member_of("Editor", username="second-editor")
    save_through_admin(editor_client, SeriesFactory(name="Policy Reports"))
    save_through_admin(logged_in(other), SeriesFactory(name="Working Papers"))

    mine = editor_client.get(ACTIVITY, {"user__id__exact": editor.pk})
    assert [r.user for r in rows(mine)] == [editor]
    theirs = editor_client.get(ACTIVITY, {"user__id__exact": other.pk})
    assert [r.user for r in rows(theirs)] == [other]
    found = editor_client.get(ACTIVITY, {"q": "working"})
    assert [r.version_set.get().object_repr for r in rows(found)] == ["Working Papers"]
    bogus = editor_client.get(ACTIVITY, {"user__id__exact": "not-a-user"})
    assert bogus.status_code in (200, 302)  # the admin drops a bad filter; never an error


def test_editor_filters_by_date(editor_client):
    save_through_admin(editor_client, SeriesFactory(name="Old series"))
    Revision.objects.update(date_created=timezone.now() - datetime.timedelta(days=60))
    save_through_admin(editor_client, SeriesFactory(name="New series"))
    page = editor_client.get(ACTIVITY)
    changelist = page.context["cl"]
    spec = next(s for s in changelist.filter_specs if s.field_path == "date_created")
    choices = {choice["display"]: choice["query_string"] for choice in spec.choices(changelist)}
    today = editor_client.get(ACTIVITY + choices["Today"])
    assert [r.version_set.get().object_repr for r in rows(today)] == ["New series"]
    week = editor_client.get(ACTIVITY + choices["Past 7 days"])
    assert [r.version_set.get().object_repr for r in rows(week)] == ["New series"]
    assert len(rows(editor_client.get(ACTIVITY + choices["Any date"]))) == 2


def test_deletions_are_listed_with_a_link_to_recover(editor_client, editor):
    series = SeriesFactory(name="Short-lived series")
    save_through_admin(editor_client, series)
    delete_through_admin(editor_client, series)
    response = editor_client.get(ACTIVITY)
    newest = rows(response)[0]
    assert newest.get_comment() == "Deleted."
    assert newest.user == editor
    version = newest.version_set.get()
    assert f'href="{admin_url(series, "recover", version.pk)}"' in response.content.decode()
    assert "Series: Short-lived series</a> (deleted)" in response.content.decode()


def test_activity_is_read_only(administrator_client):
    save_through_admin(administrator_client, SeriesFactory())
    revision = Revision.objects.get()
    assert administrator_client.get(ACTIVITY).status_code == 200
    opts = Revision._meta
    delete = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[revision.pk])
    assert administrator_client.post(delete, {"post": "yes"}).status_code == 403
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert administrator_client.get(add).status_code == 403
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[revision.pk])
    assert administrator_client.post(change, {"comment": "rewritten"}).status_code == 403
    assert Revision.objects.get().comment != "rewritten"


def test_activity_queries_do_not_grow_with_rows(editor_client, django_assert_num_queries):
    publication = PublicationFactory()
    save_through_admin(editor_client, publication)
    editor_client.get(ACTIVITY)  # content types and sessions warmed up

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert len(rows(editor_client.get(ACTIVITY))) == 1
    save_through_admin(editor_client, publication, title="Second title")
    save_through_admin(editor_client, SeriesFactory())
    MenuItemFactory()
    with CaptureQueriesContext(connection) as three:
        assert len(rows(editor_client.get(ACTIVITY))) == 3
    # One more kind of item on the page (series) costs one more query; more lines cost none.
    assert len(three) == len(one) + 1


def test_users_without_revisions_are_not_offered_as_filters(editor_client):
    UserFactory(username="never-edited")
    save_through_admin(editor_client, SeriesFactory())
    html = editor_client.get(ACTIVITY).content.decode()
    assert "never-edited" not in html


def test_share_links_made_and_withdrawn_are_listed(editor_client, editor):
    import editorial.admin_sharing  # noqa: F401 - registers the share links' admin
    from editorial.models import ShareLink

    draft = PublicationFactory(title="Draft on ports", status="draft", published_at=None)
    opts = draft._meta
    new = f"/admin/editorial/sharelink/new/{opts.app_label}/{opts.model_name}/{draft.pk}/"
    assert editor_client.post(new, {"days": 5, "note": "Prof. Tan"}).status_code == 302
    link = ShareLink.objects.get()
    response = editor_client.get(ACTIVITY)
    made = rows(response)[0]
    assert made.user == editor
    assert made.get_comment().startswith("Share link made for Prof. Tan; it works until ")
    html = response.content.decode()
    assert f'href="{admin_url(draft, "history", draft.pk)}">Publication: Draft on ports</a>' in html

    revoke = f"/admin/editorial/sharelink/{link.pk}/revoke/"
    assert editor_client.post(revoke).status_code == 302
    assert editor_client.post(revoke).status_code == 302  # a second withdrawal records nothing
    listed = rows(editor_client.get(ACTIVITY))
    assert [revision.get_comment() for revision in listed][:1] == [
        "Share link for Prof. Tan withdrawn."
    ]
    assert len(listed) == 2
    history = editor_client.get(admin_url(draft, "history", draft.pk)).content.decode()
    assert "Share link made for Prof. Tan" in history
    assert "Share link for Prof. Tan withdrawn" in history


def test_share_link_lines_cost_no_query_each(editor_client, editor, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from editorial import sharing
    from editorial.models import ShareLink

    first = PublicationFactory(status="draft", published_at=None)
    sharing.share_link_create(item=first, user=editor, days=3, note="One")
    editor_client.get(ACTIVITY)
    with CaptureQueriesContext(connection) as one:
        assert len(rows(editor_client.get(ACTIVITY))) == 1
    for number in range(4):
        item = PublicationFactory(status="draft", published_at=None)
        sharing.share_link_create(item=item, user=editor, days=3, note=f"Reader {number}")
    ShareLink.objects.filter(note="Reader 0").revoke(editor)
    with CaptureQueriesContext(connection) as many:
        assert len(rows(editor_client.get(ACTIVITY))) == 6
    assert len(many) == len(one)
