import re

import pytest

from newsroom.demo import newsroom_load_demo
from newsroom.models import MediaItem
from staff.demo import staff_load_demo

SEED_HEADLINE = (
    "Stepping Up Activities in China’s Backyard Russia Wants to Become Third Force in "
    "Southeast Asia After U.S. and China"
)


@pytest.fixture
def demo_media(site_facts):
    staff_load_demo(pages={}, photo_maker=None)
    return newsroom_load_demo()


def test_demo_is_idempotent_and_covers_every_kind(demo_media):
    assert demo_media == 7
    assert newsroom_load_demo() == 0
    assert set(MediaItem.objects.values_list("kind", flat=True)) == set(MediaItem.Kind.values)
    assert MediaItem.objects.public().count() == 7


def test_demo_has_the_seed_article_as_a_highlight(visitor, demo_media):
    seed = MediaItem.objects.get(original_title=SEED_HEADLINE)
    assert (seed.kind, seed.outlet, seed.date.isoformat()[:7]) == ("highlights", "", "2021-07")
    assert len(re.findall(r"[.!?](?:\s|$)", seed.summary)) >= 3
    html = visitor.get("/media/highlights/").content.decode()
    assert SEED_HEADLINE in html
    assert '<a href="/staff/people/chris-cheang/">Chris Cheang</a>' in html


def test_demo_pages_render(visitor, demo_media):
    for item in MediaItem.objects.all():
        response = visitor.get(item.get_absolute_url())
        assert response.status_code == 200, item
    video = MediaItem.objects.get(kind="videos")
    html = visitor.get(video.get_absolute_url()).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in html
    assert visitor.get("/media/").status_code == 200
