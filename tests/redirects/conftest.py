import pytest

from tests.factories import MenuItemFactory, PublicationFactory


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://www.rsis.example"


@pytest.fixture
def lavrov(site_facts, commentaries):
    """A public commentary at /publications/commentaries/russia-and-asean/."""
    from publications.models import IssuedCode

    publication = PublicationFactory(
        series=commentaries, code="CO21113", title="Russia and ASEAN", slug="russia-and-asean"
    )
    IssuedCode.objects.create(code=publication.code, publication=publication)
    return publication


@pytest.fixture
def pages(site_facts):
    """About RSIS (/about-rsis/) > Introduction > Team; Research (/research-areas/)."""
    about = MenuItemFactory(title="About RSIS", slug="about-rsis")
    intro = MenuItemFactory(title="Introduction", slug="introduction", parent=about)
    team = MenuItemFactory(title="Team", slug="team", parent=intro)
    research = MenuItemFactory(title="Research areas", slug="research-areas")
    return {"about": about, "intro": intro, "team": team, "research": research}
