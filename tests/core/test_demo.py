import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.timezone import localdate

from core.models import FooterLink, SiteSettings, SocialLink
from events.models import Event
from navigation.demo import PAGES_UPDATED, walk
from navigation.models import MenuItem
from newsroom.models import MediaItem
from publications.models import ExternalPublication, Publication, Series
from staff.models import Person

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

    assert counts() == first == (96, 1, 5, 7, 3)
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


# Demo content is dated from the content itself, not from the moment the demo was loaded.

CO21113 = "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/"


def last_updated(html):
    return re.search(r"Last updated on (?:<time [^>]*>)?(\d\d/\d\d/\d{4})", html).group(1)


def test_demo_pages_show_the_dates_of_their_content(visitor, demo_content):
    assert last_updated(visitor.get(CO21113).content.decode()) == "26/07/2021"
    seed = MediaItem.objects.get(slug="russia-third-force-southeast-asia")
    assert seed.date.isoformat() == "2021-07-12"
    release = MediaItem.objects.get(slug="climate-food-security-programme")
    html = visitor.get(release.get_absolute_url()).content.decode()
    assert last_updated(html) == "15/01/2025"
    html = visitor.get("/about-rsis/introduction/").content.decode()
    assert last_updated(html) == "02/06/2025"


def test_demo_dates_are_those_of_the_content_and_survive_a_second_load(demo_content):
    item = Publication.objects.get(code="CO21113")
    moment = datetime.datetime(2021, 7, 26, 1, 0, tzinfo=datetime.UTC)  # 9:00 in Singapore
    assert (item.published_at, item.created_at, item.updated_at) == (moment,) * 3
    for publication in Publication.objects.public():
        assert publication.updated_at == publication.published_at, publication
    for media in MediaItem.objects.all():
        assert localdate(media.updated_at) == localdate(media.created_at) == media.date, media
    for external in ExternalPublication.objects.all():
        assert external.updated_at.year == external.year, external
    dates = {item.slug: localdate(item.updated_at) for item in MenuItem.objects.all()}
    assert dates["introduction"] == datetime.date(2025, 6, 2)  # when the pages were reviewed
    assert dates["contact-us"] == datetime.date(2025, 1, 6)  # a page's own date
    assert set(dates.values()) == {
        datetime.date.fromisoformat(spec.get("updated", PAGES_UPDATED)) for *_, spec in walk()
    }
    assert {localdate(d) for d in Person.objects.values_list("updated_at", flat=True)} == {
        datetime.date(2025, 6, 2)
    }
    for event in Event.objects.all():
        assert event.created_at == event.published_at <= event.updated_at < timezone.now()
        assert event.published_at <= event.start - datetime.timedelta(days=1), event

    call_command("load_demo", "--no-admin", "--no-photos", verbosity=0)

    item.refresh_from_db()
    assert item.updated_at == moment


def test_the_seed_commentary_has_its_own_image_with_the_seed_credit(visitor, demo_content):
    item = Publication.objects.get(code="CO21113")
    assert (item.image.width, item.image.height) == (1600, 900)
    assert item.image_licence == "CC BY-NC-SA 2.0"
    html = visitor.get(CO21113).content.decode()
    figure = html[html.index('<figure class="publication__image">') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt="A map of Southeast Asia drawn in dots' in figure
    assert re.search(r'<img src="/media-files/[^"]+\.jpg"', figure)
    credit = "Source: Sergey Lavrov &amp; Saleumxay Kommasith, МИД России, flickr, CC BY-NC-SA 2.0"
    assert f"<figcaption>{credit}</figcaption>" in figure


# No placeholder names or addresses anywhere a visitor can go.

SKIPPED = re.compile(
    r"^/(admin|media-files|static|feeds|search|subscribe)/|\.(bib|ris|ics|pdf|xml)$"
)


def crawl(client, start="/", limit=800):
    """Every page of the site reachable from ``start`` by its links, without query strings
    other than ``?page=``: ``{path: html}``."""
    seen, queue, pages = {start}, [start], {}
    while queue and len(pages) < limit:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        for href in re.findall(r'href="(/[^"#]*)"', html):
            href = href.replace("&amp;", "&")
            if href.startswith("//") or SKIPPED.search(href):
                continue
            if "?" in href and not re.fullmatch(r"[^?]*\?page=\d+", href):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


def test_no_public_demo_page_names_a_placeholder(visitor, demo_content):
    pages = crawl(visitor)
    kinds = {
        "menu pages": "/about-rsis/introduction/",
        "lists": "/publications/commentaries/",
        "publications": CO21113,
        "profiles": "/staff/people/chris-cheang/",
        "events": "/events/russia-asia-pivot-revisited-webinar/",
        "media": "/media/highlights/",
        "external publications": "/external-publications/",
        "centres": "/research/cms/",
    }
    for kind, path in kinds.items():
        assert path in pages, kind
    assert len(pages) > 150
    for path, html in pages.items():
        for placeholder in ("example.org", "example.com", "Example ", "email protected"):
            assert placeholder not in html, (path, placeholder)


# Every menu page has content of its own; the pages readers look up most say what they promise.


def page_body(client, path):
    html = client.get(path).content.decode()
    return html[html.index('<div class="prose">') : html.index("</article>")]


def test_every_demo_menu_page_has_content_and_working_links(visitor, demo_content):
    for item in MenuItem.objects.filter(kind="page"):
        body = page_body(visitor, item.get_absolute_url())
        text = re.sub(r"<[^>]+>", " ", body)
        assert len(text.split()) >= 40 or item.get_children().exists(), item
        for href in set(re.findall(r'href="(/[^"#]*)"', body)):
            status = visitor.get(href).status_code
            assert status in (200, 301, 302), (item.get_absolute_url(), href, status)


def test_glossary_spells_out_the_abbreviations_the_site_uses(visitor, demo_content):
    body = page_body(visitor, "/publications/glossary-of-abbreviations/")
    rows = dict(
        (short, re.sub(r"<[^>]+>", "", full))
        for short, full in re.findall(r"<tr><td>([^<]+)</td><td>(.*?)</td></tr>", body)
    )
    expected = {
        "RSIS": "S. Rajaratnam School of International Studies",
        "NTU": "Nanyang Technological University",
        "IDSS": "Institute of Defence and Strategic Studies",
        "CMS": "Centre for Multilateralism Studies",
        "NTS Centre": "Centre for Non-Traditional Security Studies",
        "CENS": "Centre of Excellence for National Security",
        "ICPVTR": "International Centre for Political Violence and Terrorism Research",
        "NSSP": "National Security Studies Programme",
        "SRP": "Studies in Inter-Religious Relations in Plural Societies Programme",
        "APPSMO": "Asia-Pacific Programme for Senior Military Officers",
        "ASEAN": "Association of Southeast Asian Nations",
        "CO": "Commentaries",
        "WP": "Working Papers",
    }
    for short, full in expected.items():
        assert rows[short].startswith(full), short
    for series in Series.objects.all():
        assert rows[series.code_prefix] == series.name


def test_award_page_lists_awarded_demo_publications(visitor, demo_content):
    body = page_body(visitor, "/publications/rsis-award-articles/")
    links = re.findall(r'<a href="(/publications/[^"/]+/[^"/]+/)"[^>]*>([^<]+)</a>', body)
    assert len(links) >= 4
    public = {p.get_absolute_url(): p.title for p in Publication.objects.public()}
    for url, title in links:
        assert public[url] == title.replace("&#x27;", "’")
    assert (CO21113, "Russia and Southeast Asia: What Lavrov’s July Visits Mean") in links


def test_contact_page_has_address_telephone_email_and_map(visitor, demo_content):
    body = page_body(visitor, "/contact-us/")
    assert "50 Nanyang Avenue" in body and "Singapore 639798" in body
    assert "Block S4, Level B3" in body
    assert "+65 6790 6982" in body
    assert re.search(r'<a href="mailto:RSISPublications@ntu\.edu\.sg"[^>]*>RSISPublications@', body)
    assert re.search(
        r'<a href="https://www\.openstreetmap\.org/search\?query=50%20Nanyang%20Avenue[^"]*"', body
    )
