import re

import pytest
from django.core.files.base import ContentFile

from staff.models import Person
from tests.factories import (
    CentreFactory,
    MembershipFactory,
    PersonFactory,
    StaffGroupFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db


def names_in(html):
    return re.findall(r'<span class="person-card__name">([^<]+)</span>', html)


@pytest.fixture
def directory(site_facts):
    faculty = StaffGroupFactory(name="Faculty and Research", slug="faculty-and-research", order=2)
    deans = StaffGroupFactory(name="Dean’s Office", slug="deans-office", order=1)
    zed = PersonFactory(name="Zed Adams", sort_name="Adams, Zed", slug="zed-adams")
    amy = PersonFactory(name="Amy Young", sort_name="Young, Amy", slug="amy-young")
    bob = PersonFactory(name="Bob Brown", sort_name="Brown, Bob", slug="bob-brown")
    gone = PersonFactory(name="Gone Person", slug="gone-person", active=False)
    MembershipFactory(group=faculty, person=amy, order=0)
    MembershipFactory(group=faculty, person=zed, order=0)
    MembershipFactory(group=faculty, person=gone, order=0)
    MembershipFactory(group=deans, person=bob, order=5)
    MembershipFactory(group=deans, person=amy, order=1)
    return {"faculty": faculty, "deans": deans, "amy": amy, "zed": zed, "bob": bob, "gone": gone}


def test_directory_lists_groups_in_order_with_people_in_group_order(client, directory):
    html = client.get("/staff/").content.decode()

    assert html.index(">Dean’s Office</a></h2>") < html.index(">Faculty and Research</a></h2>")
    deans, faculty = html.split('id="group-faculty-and-research"')
    assert names_in(deans) == ["Amy Young", "Bob Brown"]
    assert names_in(faculty) == ["Zed Adams", "Amy Young"]  # same order: by sort name
    assert "Gone Person" not in html


def test_directory_links_to_whole_group_when_it_is_long(client, directory):
    for n in range(10):
        MembershipFactory(group=directory["deans"], person=PersonFactory(), order=10 + n)

    html = client.get("/staff/").content.decode()

    deans = html.split('id="group-faculty-and-research"')[0]
    assert len(names_in(deans)) == 8
    assert '<a href="/staff/deans-office/">All 12 people in Dean’s Office</a>' in deans


def test_group_page_lists_its_people_with_pagination(client, directory):
    for n in range(30):
        MembershipFactory(group=directory["faculty"], person=PersonFactory(), order=1 + n)

    first = client.get("/staff/faculty-and-research/").content.decode()
    second = client.get("/staff/faculty-and-research/", {"page": 2}).content.decode()

    assert "<h1>Faculty and Research</h1>" in first
    assert len(names_in(first)) == 24
    assert names_in(first)[:2] == ["Zed Adams", "Amy Young"]
    assert len(names_in(second)) == 8
    assert "Gone Person" not in first + second


def test_profile_shows_position_groups_centres_expertise_and_bio(client, directory):
    amy = directory["amy"]
    amy.honorific = "Dr"
    amy.full_bio = "<p>Amy studies <em>maritime</em> law.</p>"
    amy.save()
    amy.expertise.set(["Maritime security", "ASEAN"])
    centre = CentreFactory(name="Institute of Defence and Strategic Studies", slug="idss")
    centre.members.add(amy)

    html = client.get("/staff/people/amy-young/").content.decode()

    assert "<h1>Dr Amy Young</h1>" in html
    assert '<p class="lead">Research Fellow</p>' in html
    assert (
        '<dd><a href="/staff/deans-office/">Dean’s Office</a>, '
        '<a href="/staff/faculty-and-research/">Faculty and Research</a></dd>'
    ) in html
    assert '<a href="/research/idss/">Institute of Defence and Strategic Studies</a>' in html
    assert "<p>Amy studies <em>maritime</em> law.</p>" in html
    assert "<li>ASEAN</li><li>Maritime security</li>" in html


def test_profile_contact_details_only_with_consent(client, directory):
    amy = directory["amy"]
    amy.email = "amy@example.org"
    amy.save()
    assert "amy@example.org" not in client.get("/staff/people/amy-young/").content.decode()

    amy.show_contact = True
    amy.save()
    assert '<a href="mailto:amy@example.org">' in (
        client.get("/staff/people/amy-young/").content.decode()
    )


def test_profile_without_photo_shows_a_placeholder_with_initials(client, directory):
    html = client.get("/staff/people/amy-young/").content.decode()

    assert 'class="avatar avatar--placeholder avatar--large"' in html
    assert ">AY</text>" in html


def test_photo_renditions_are_used_with_srcset_and_dimensions(client, directory):
    amy = directory["amy"]
    amy.photo.save("amy.jpg", ContentFile(jpeg_bytes(900, 1200)), save=True)

    profile = client.get("/staff/people/amy-young/").content.decode()
    listing = client.get("/staff/").content.decode()

    portrait = re.search(r"<picture>.*?</picture>", profile, re.S).group(0)
    assert re.search(r'<source type="image/webp" srcset="\S+\.webp 1x, \S+\.webp 2x">', portrait)
    assert re.search(r'<img src="\S+\.jpg" srcset="\S+\.jpg 1x, \S+\.jpg 2x"', portrait)
    assert 'width="400" height="500" alt="Amy Young"' in portrait
    assert 'width="160" height="160" alt="Amy Young" class="avatar" loading="lazy"' in listing
    for rendition in ["photo_160_jpeg", "photo_320_webp", "photo_400_jpeg", "photo_800_webp"]:
        file = getattr(amy, rendition)
        assert file.storage.exists(file.name), rendition
    assert (amy.photo_400_jpeg.width, amy.photo_400_jpeg.height) == (400, 500)
    assert (amy.photo_320_jpeg.width, amy.photo_320_jpeg.height) == (320, 320)


def test_former_staff_profile_is_not_found_and_leaves_the_directory(client, directory):
    assert client.get("/staff/people/gone-person/").status_code == 404
    assert "Gone Person" not in client.get("/staff/faculty-and-research/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/staff/nobody/",
        "/staff/people/nobody/",
        "/staff/people/",
        "/staff/people/%00/",
        "/staff/" + "x" * 3000 + "/",
        "/staff/people/amy-young/extra/",
        "/staff/faculty-and-research/?page=abc",
        "/staff/faculty-and-research/?page=0",
        "/staff/faculty-and-research/?page=999999",
    ],
)
def test_bad_staff_addresses_are_not_found(client, directory, path):
    assert client.get(path).status_code == 404


def test_directory_query_count_does_not_grow_with_people(
    client, directory, django_assert_max_num_queries
):
    client.get("/")  # warm the menu and site caches
    with django_assert_max_num_queries(3):
        client.get("/staff/")
    for n in range(200):
        person = PersonFactory()
        MembershipFactory(group=directory["faculty" if n % 2 else "deans"], person=person)
    # Photos everywhere: renditions are only named when shown, never looked up in storage.
    Person.objects.update(photo="people/someone.jpg")
    client.get("/")  # the changes started a new content generation: warm it
    with django_assert_max_num_queries(3):
        response = client.get("/staff/")
    assert len(names_in(response.content.decode())) == 16
    with django_assert_max_num_queries(4):
        client.get("/staff/faculty-and-research/")


def test_profile_query_count_is_bounded(client, directory, django_assert_max_num_queries):
    amy = directory["amy"]
    amy.expertise.set([f"Area {n}" for n in range(20)])
    for _ in range(10):
        CentreFactory().members.add(amy)
    client.get("/")  # warm the new content generation
    # The profile (4) and the person's latest publications and outside work (up to 4).
    with django_assert_max_num_queries(8):
        response = client.get("/staff/people/amy-young/")
    assert response.content.decode().count('<a href="/research/centre-') == 10


def test_profile_links_to_the_whole_list_without_counting_it(
    client, directory, django_assert_max_num_queries
):
    from tests.factories import AuthorshipFactory, PublicationFactory

    amy = directory["amy"]
    for n in range(7):
        AuthorshipFactory(publication=PublicationFactory(title=f"Paper {n}"), person=amy)
    client.get("/")  # warm the new content generation
    # The profile (4), its latest seven publications with their authors (2), outside work (1).
    with django_assert_max_num_queries(7):
        html = client.get("/staff/people/amy-young/").content.decode()
    assert html.count('class="pub-card"') == 6
    assert '<a href="/publications/?author=amy-young">All publications by Amy Young</a>' in html
    with django_assert_max_num_queries(0):
        assert client.get("/staff/people/amy-young/").content.decode() == html


def test_profile_of_a_person_with_few_publications_has_no_link_to_the_list(client, directory):
    from tests.factories import AuthorshipFactory, PublicationFactory

    AuthorshipFactory(publication=PublicationFactory(title="Only paper"), person=directory["amy"])
    html = client.get("/staff/people/amy-young/").content.decode()
    assert "Only paper" in html and "All publications by" not in html
