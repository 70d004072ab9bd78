"""Drafts, scheduled and withdrawn items are invisible on every public surface."""

import datetime

import feedparser
import pytest
import time_machine
from django.utils import timezone

from publications.models import Publication
from publications.services import publication_publish
from tests.factories import AuthorshipFactory, PublicationFactory

HIDDEN = ["draft", "scheduled", "withdrawn"]


def surfaces(item, author):
    """Every public address that could show ``item``, with what would reveal it there."""
    return {
        "/publications/": item.title,
        f"/publications/{item.series.slug}/": item.title,
        "/publications/year/2021/": item.title,
        "/categories/country-and-region-studies/": item.title,
        "/tags/secret/": item.title,
        f"/publications/?author={author.slug}": item.title,
        f"/staff/people/{author.slug}/": item.title,
        "/sitemap-publications.xml": item.slug,
    }


@pytest.fixture
def hidden_item(request, lavrov, regions, author):
    status = request.param
    item = PublicationFactory(
        series=lavrov.series,
        title="A secret paper",
        slug="a-secret-paper",
        code="CO21900" if status != "draft" else None,
        status=status,
        published_at=timezone.now() + datetime.timedelta(days=2) if status == "scheduled" else None,
    )
    AuthorshipFactory(publication=item, person=author)
    item.categories.set([regions["sea"]])
    item.tags.add("secret", "Russia")
    return item


@pytest.mark.parametrize("hidden_item", HIDDEN, indirect=True)
def test_hidden_items_absent_from_lists_pages_and_sitemap(visitor, hidden_item, author):
    assert visitor.get(hidden_item.get_absolute_url()).status_code == 404
    assert visitor.get(f"{hidden_item.get_absolute_url()}cite.bib").status_code == 404
    if hidden_item.code:
        assert visitor.get(f"/p/{hidden_item.code}/").status_code == 404
    for url, marker in surfaces(hidden_item, author).items():
        response = visitor.get(url)
        assert response.status_code in (200, 404), url
        assert marker not in response.content.decode(), url


@pytest.mark.parametrize("hidden_item", HIDDEN, indirect=True)
def test_hidden_items_absent_from_every_feed(visitor, hidden_item, author):
    feeds = [
        "/feeds/publications/rss/",
        "/feeds/publications/atom/",
        "/feeds/series/commentaries/rss/",
        "/feeds/categories/country-and-region-studies/rss/",
        "/feeds/tags/russia/atom/",
        f"/feeds/authors/{author.slug}/rss/",
    ]
    for url in feeds:
        parsed = feedparser.parse(visitor.get(url).content)
        assert [entry.title for entry in parsed.entries] == [
            "CO21113 | Russia and Southeast Asia: What Lavrov’s July Visits Mean"
        ], url


@pytest.mark.parametrize("hidden_item", HIDDEN, indirect=True)
def test_hidden_items_absent_from_json_and_filtered_feeds(visitor, hidden_item, author):
    from tests.jsonfeed import json_feed

    for url in (
        "/feeds/publications/json/",
        "/feeds/publications/json/?content=full",
        f"/feeds/authors/{author.slug}/json/",
        "/feeds/series/commentaries/json/?year=2021",
        "/feeds/publications/json/?series=commentaries&category=country-and-region-studies",
    ):
        titles = [item["title"] for item in json_feed(visitor.get(url))["items"]]
        assert titles == ["CO21113 | Russia and Southeast Asia: What Lavrov’s July Visits Mean"]
    rss = feedparser.parse(visitor.get("/feeds/publications/rss/?year=2021").content)
    assert len(rss.entries) == 1
    assert visitor.get("/feeds/tags/secret/json/").status_code == 404
    assert visitor.get("/feeds/publications/json/?tag=secret").status_code == 404


def test_scheduled_item_goes_live_at_its_time_without_a_job(visitor, lavrov):
    at = timezone.now() + datetime.timedelta(hours=3)
    item = PublicationFactory(
        series=lavrov.series, title="Due later", status="draft", published_at=None
    )
    publication_publish(publication=item, at=at)
    item.refresh_from_db()
    assert item.status == "scheduled" and item.code
    before = visitor.get("/publications/").content.decode()
    assert "Due later" not in before and "1 publication." in before
    assert visitor.get(item.get_absolute_url()).status_code == 404
    with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
        after = visitor.get("/publications/").content.decode()
        assert "Due later" in after and "2 publications." in after
        assert visitor.get(item.get_absolute_url()).status_code == 200
        assert visitor.get(f"/p/{item.code}/").status_code == 301


def test_staff_preview_a_draft_with_a_banner_and_no_cache(staff_client, visitor, lavrov):
    item = PublicationFactory(
        series=lavrov.series, title="Work in progress", status="draft", published_at=None
    )
    response = staff_client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Preview." in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert visitor.get(item.get_absolute_url()).status_code == 404


def test_public_queryset_and_is_public_agree(lavrov):
    now = timezone.now()
    items = [
        PublicationFactory(series=lavrov.series, status=status, published_at=when)
        for status in ("draft", "scheduled", "published", "withdrawn")
        for when in (None, now - datetime.timedelta(hours=1), now + datetime.timedelta(hours=1))
    ]
    public = set(Publication.objects.public(now).values_list("pk", flat=True))
    assert public == {item.pk for item in [*items, lavrov] if item.is_public(now)}
    assert len(public) == 3  # lavrov, and published and scheduled items whose time has passed


def test_former_staff_keep_a_profile_only_while_public_work_names_them(visitor, lavrov, author):
    author.active = False
    author.save()
    assert visitor.get(author.get_absolute_url()).status_code == 200
    lavrov.status = "withdrawn"
    lavrov.save()
    assert visitor.get(author.get_absolute_url()).status_code == 404


def test_former_staff_with_public_work_stay_out_of_staff_lists(visitor, lavrov, author):
    from tests.factories import CentreFactory, MembershipFactory, StaffGroupFactory

    group = StaffGroupFactory(name="Faculty", slug="faculty")
    MembershipFactory(group=group, person=author)
    CentreFactory(slug="idss").members.add(author)
    author.active = False
    author.save()
    for url in ("/staff/", "/staff/faculty/", "/research/idss/"):
        html = visitor.get(url).content.decode()
        assert f'href="{author.get_absolute_url()}"' not in html, url
    assert visitor.get(author.get_absolute_url()).status_code == 200
