import pytest

from navigation.menu import get_menu
from navigation.models import MenuItem
from tests.factories import CentreFactory, MenuItemFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idss(site_facts):
    head = PersonFactory(name="Daniel Koh", honorific="Prof", position="Dean")
    centre = CentreFactory(
        name="Institute of Defence and Strategic Studies",
        acronym="IDSS",
        slug="idss",
        summary="Defence and strategy in the Asia-Pacific.",
        description="<p>Our <strong>oldest</strong> institute.</p>",
        head=head,
    )
    chris = PersonFactory(name="Chris Cheang", sort_name="Cheang, Chris", position="Senior Fellow")
    former = PersonFactory(name="Former Fellow", active=False)
    centre.members.add(chris, former, head)
    return centre


def test_centre_page_shows_description_head_and_current_members(client, idss):
    html = client.get("/research/idss/").content.decode()

    assert "<h1>Institute of Defence and Strategic Studies</h1>" in html
    assert '<p class="eyebrow">Research centre · IDSS</p>' in html
    assert "<p>Our <strong>oldest</strong> institute.</p>" in html
    head, people = html.split('id="centre-people"')
    assert "Prof Daniel Koh" in head
    assert "Chris Cheang" in people
    assert "Daniel Koh" not in people
    assert "Former Fellow" not in html


def test_programme_is_labelled_as_a_programme(client, site_facts):
    CentreFactory(name="National Security Studies Programme", acronym="NSSP", slug="nssp",
                  kind="programme")  # fmt: skip

    html = client.get("/research/nssp/").content.decode()

    assert '<p class="eyebrow">Research programme · NSSP</p>' in html


def test_other_addresses_under_research_are_menu_pages(client, idss):
    research = MenuItemFactory(title="Research", slug="research")
    MenuItemFactory(title="Research Centres", slug="research-centres", parent=research)

    assert client.get("/research/research-centres/").status_code == 200
    assert "<h1>Research Centres</h1>" in client.get("/research/research-centres/").content.decode()
    assert client.get("/research/no-such-thing/").status_code == 404


@pytest.mark.parametrize("path", ["/research/%00/", "/research/" + "z" * 3000 + "/", "/research/"])
def test_bad_research_addresses_are_not_found(client, idss, path):
    assert client.get(path).status_code == 404


def test_menu_links_to_centre_and_follows_its_address(client, idss):
    research = MenuItemFactory(title="Research", slug="research")
    MenuItemFactory(title="IDSS", slug="idss", parent=research, kind="section",
                    section=f"research:centre:{idss.pk}")  # fmt: skip
    assert 'href="/research/idss/" data-mid=' in client.get("/").content.decode()

    idss.slug = "institute"
    idss.save()

    html = client.get("/").content.decode()
    assert 'href="/research/institute/" data-mid=' in html
    assert client.get("/research/institute/").status_code == 200


def test_menu_page_cannot_take_a_centre_address(idss):
    research = MenuItemFactory(title="Research", slug="research")
    clash = MenuItem(title="IDSS page", slug="idss", parent=research, kind="page")
    free = MenuItem(title="Other Research", slug="other-research", parent=research, kind="page")

    with pytest.raises(Exception) as error:
        clash.full_clean()
    assert "already used by another part of the site" in str(error.value)
    free.full_clean()


def test_menu_section_must_exist(idss):
    item = MenuItem(title="Gone", slug="gone", kind="section", section="research:centre:0")

    with pytest.raises(Exception) as error:
        item.full_clean()
    assert "This section is not available." in str(error.value)
    item.section = f"research:centre:{idss.pk}"
    item.full_clean()


def test_centre_query_count_does_not_grow_with_members(client, idss, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(3):
        client.get("/research/idss/")
    idss.members.add(*[PersonFactory() for _ in range(100)])
    client.get("/")  # the change started a new content generation: warm it
    with django_assert_max_num_queries(3):
        response = client.get("/research/idss/")
    assert response.content.decode().count('class="person-card"') == 102


def test_centre_breadcrumb_follows_the_menu(client, demo_content):
    html = client.get("/research/cms/").content.decode()

    assert get_menu().match("/research/cms/").title == "Centre for Multilateralism Studies (CMS)"
    assert (
        '<li><a href="/research/">Research</a></li>'
        '<li><a href="/research/research-centres/">Research Centres</a></li>'
    ) in html.replace("\n", "").replace("    ", "")
