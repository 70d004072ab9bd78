import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from navigation.sections import section_urls
from newsroom.models import MediaItem
from tests.factories import MediaItemFactory, MenuItemFactory
from tests.reading import assert_in_order

from .conftest import PLAYER_URL, make_items


def main(response):
    html = response.content.decode()
    return html[html.index("<main") :]


def titles(response):
    return re.findall(r'<h[23] class="pub-card__title">(?:<a [^>]+>)?([^<]+)', main(response))


def test_highlights_list_shows_the_coverage(visitor, highlight):
    response = visitor.get("/media/highlights/")
    assert response.status_code == 200
    html = main(response)
    parts = [
        'class="breadcrumbs"',
        "<h1>Media Highlights</h1>",
        'id="highlights-russia-courts-southeast-asia"',
        '<time datetime="2021-07-12">12 July 2021</time> · Eurasia Monitor',
        '<a href="https://example.org/kremlin-looks-east" rel="noopener">'
        "Russia courts Southeast Asia</a>",
        "Original headline: <cite>Kremlin Looks East</cite>",
        "Moscow presents itself as a partner that takes no side.",
        'Quoted: <a href="/staff/people/farah-aziz/">Farah Aziz</a>, '
        '<a href="/staff/people/chris-cheang/">Chris Cheang</a>',
        '<a href="https://example.org/kremlin-looks-east" rel="noopener">Read in Eurasia Monitor',
    ]
    positions = [html.find(part) for part in parts]
    assert -1 not in positions, [p for p, at in zip(parts, positions, strict=True) if at == -1]
    assert positions == sorted(positions)


def test_highlight_without_outlet_or_link_is_listed_as_entered(visitor, highlight):
    MediaItemFactory(title="Unknown source", outlet="", url="", original_title="Third Force")
    html = main(visitor.get("/media/highlights/"))
    assert '<h2 class="pub-card__title">Unknown source</h2>' in html
    assert '<time datetime="2021-07-12">12 July 2021</time></p>' in html
    assert "Read the original" not in html


def test_kind_lists_are_newest_first_and_paginated(visitor, site_facts):
    items = make_items("speeches", 25)
    newest_first = [item.title for item in reversed(items)]
    assert titles(visitor.get("/media/speeches/")) == newest_first[:20]
    second = visitor.get("/media/speeches/?page=2")
    assert titles(second) == newest_first[20:]
    assert '<link rel="canonical" href="http://testserver/media/speeches/?page=2">' in (
        second.content.decode()
    )
    assert visitor.get("/media/speeches/?page=3").status_code == 404


def test_kind_lists_hold_only_their_kind(visitor, highlight, release, video):
    assert titles(visitor.get("/media/news-releases/")) == ["RSIS starts a programme"]
    assert titles(visitor.get("/media/videos/")) == ["Vidcast: Russia and ASEAN"]
    assert titles(visitor.get("/media/audio/")) == []
    assert "Nothing here yet" in main(visitor.get("/media/audio/"))


def test_year_filter(visitor, site_facts):
    make_items("highlights", 3, start=datetime.date(2020, 12, 30))  # 30, 31 Dec 2020; 1 Jan 2021
    response = visitor.get("/media/highlights/?year=2020")
    assert len(titles(response)) == 2
    html = response.content.decode()
    assert "<h1>Media Highlights for 2020</h1>" in html
    assert '<option value="2021">2021</option><option value="2020" selected>2020</option>' in html
    assert '<link rel="canonical" href="http://testserver/media/highlights/?year=2020">' in html
    assert len(titles(visitor.get("/media/highlights/?year=2021"))) == 1
    assert len(titles(visitor.get("/media/highlights/?year=2019"))) == 0
    assert len(titles(visitor.get("/media/highlights/?year="))) == 3  # “Any year”


def test_release_page_has_its_text_people_and_trail(visitor, release):
    response = visitor.get("/media/news-releases/rsis-starts-a-programme/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<link rel="canonical" '
        'href="http://testserver/media/news-releases/rsis-starts-a-programme/">' in html
    )
    body = main(response)
    parts = [
        'class="breadcrumbs"',
        "News release · <time",
        "<h1>RSIS starts a programme</h1>",
        "A new programme on food security.",
        "<p>Release text.</p>",
        '<a href="/staff/people/chris-cheang/">Chris Cheang</a>, Senior Fellow',
        "Last updated on",
    ]
    assert_in_order(body, parts)
    assert "<iframe" not in body
    assert "frame-src" not in response["Content-Security-Policy"]


def test_video_page_embeds_the_player_and_allows_only_its_origin(visitor, video):
    response = visitor.get("/media/videos/vidcast-russia-asean/")
    assert response.status_code == 200
    iframe = re.search(r"<iframe [^>]*></iframe>", response.content.decode()).group(0)
    assert f'src="{PLAYER_URL}"' in iframe
    for attribute in (
        'loading="lazy"',
        'title="Vidcast: Russia and ASEAN (YouTube player)"',
        'referrerpolicy="strict-origin-when-cross-origin"',
        'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
        'picture-in-picture; web-share"',
        "allowfullscreen",
    ):
        assert attribute in iframe
    policy = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in policy
    assert "vimeo" not in policy
    assert "frame-src" not in visitor.get("/media/videos/")["Content-Security-Policy"]


def test_a_bad_stored_player_address_is_never_framed(visitor, video):
    video.embed_url = "https://evil.example/embed/1"  # saved without the admin's checks
    video.save()
    response = visitor.get("/media/videos/vidcast-russia-asean/")
    assert response.status_code == 200
    assert "<iframe" not in response.content.decode()
    assert "evil.example" not in response["Content-Security-Policy"]


def test_coverage_without_a_page_has_no_detail_address(visitor, highlight):
    anchor = "highlights-russia-courts-southeast-asia"
    assert highlight.get_absolute_url() == f"/media/highlights/#{anchor}"
    assert visitor.get("/media/highlights/russia-courts-southeast-asia/").status_code == 404


def test_index_shows_the_latest_of_each_kind(visitor, highlight, release, video):
    make_items("highlights", 6, start=datetime.date(2022, 1, 1))
    response = visitor.get("/media/")
    assert response.status_code == 200
    html = main(response)
    assert html.index('id="media-highlights"') < html.index('id="media-news-releases"')
    assert html.index('id="media-news-releases"') < html.index('id="media-videos"')
    assert 'id="media-audio"' not in html  # nothing of that kind yet
    highlights = html[html.index('id="media-highlights"') : html.index('id="media-news-releases"')]
    assert highlights.count('class="pub-card media-card"') == 4
    assert "Russia courts Southeast Asia" not in highlights  # older than the latest four
    assert '<a href="/media/videos/vidcast-russia-asean/">Vidcast: Russia and ASEAN</a>' in html
    head = response.content.decode().split("</head>")[0]
    for kind in MediaItem.Kind.values:
        assert f'href="/feeds/media/{kind}/rss/"' in head


def test_index_with_nothing_published(visitor, site_facts):
    assert "Nothing has been published here yet." in main(visitor.get("/media/"))


BAD_QUERIES = [
    "?page=abc",
    "?page=999999",
    "?page=0",
    "?page=-1",
    "?page=1.5",
    "?page=" + "9" * 5000,
    "?page=%00",
    "?year=0",
    "?year=abc",
    "?year=99999",
    "?year=1800",
    "?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91",  # “２０２１” in full-width digits
    "?year=2021&year=2022",
    "?year=20%0021",
    "?year=" + "2" * 5000,
    "?year=<script>",
    "?year=2021'%20OR%201=1--",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_list_parameters_get_404_never_500(visitor, highlight, query):
    assert visitor.get(f"/media/highlights/{query}").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/media/nope/",
        "/media/highlights/nope/",
        "/media/nope/nope/",
        "/media/Highlights/",
        "/media/highlights/" + "a" * 5000 + "/",
        "/media/" + "a" * 5000 + "/",
        "/media/highlights/a%00b/",
        "/media/%00/",
        "/feeds/media/nope/rss/",
        "/feeds/media/nope/atom/",
        "/feeds/media/" + "a" * 5000 + "/rss/",
        "/feeds/media/highlights/xml/",
        "/feeds/media/nope/json/",
    ],
)
def test_unknown_addresses_get_404(visitor, highlight, url):
    assert visitor.get(url).status_code == 404


def test_unrelated_query_parameters_are_ignored(visitor, highlight):
    response = visitor.get("/media/highlights/?utm_source=x&q=%00")
    assert response.status_code == 200
    assert 'href="http://testserver/media/highlights/">' in response.content.decode()


def test_only_get_and_head(visitor, highlight, release):
    assert visitor.post("/media/highlights/").status_code == 405
    assert visitor.post("/media/news-releases/rsis-starts-a-programme/").status_code == 405
    assert visitor.head("/media/").status_code == 200


def test_content_pages_under_media_still_work(visitor, site_facts):
    media = MenuItemFactory(title="Media", slug="media", kind="section", section="newsroom:index")
    MenuItemFactory(title="Great Powers", slug="great-powers", parent=media)
    response = visitor.get("/media/great-powers/")
    assert response.status_code == 200
    assert "Great Powers" in response.content.decode()
    clash = MenuItemFactory.build(title="Highlights", slug="highlights", parent=media)
    with pytest.raises(ValidationError) as caught:
        clash.full_clean()
    assert "already used" in " ".join(caught.value.message_dict["slug"])
    speeches = MenuItemFactory(
        title="Speeches", slug="speeches", parent=media, kind="section",
        section="newsroom:kind:speeches",
    )  # fmt: skip
    below = MenuItemFactory.build(title="A page", slug="a-page", parent=speeches)
    with pytest.raises(ValidationError) as caught:
        below.full_clean()  # /media/speeches/a-page/ is an item's address
    assert "already used" in " ".join(caught.value.message_dict["slug"])


def test_menu_can_link_every_kind_and_the_index(visitor, highlight):
    urls = section_urls()
    assert urls["newsroom:index"] == "/media/"
    for kind in MediaItem.Kind.values:
        assert urls[f"newsroom:kind:{kind}"] == f"/media/{kind}/"


def test_breadcrumbs_follow_the_menu(visitor, release):
    media = MenuItemFactory(title="Media", slug="media", kind="section", section="newsroom:index")
    MenuItemFactory(
        title="News Releases", slug="news-releases", parent=media, kind="section",
        section="newsroom:kind:news-releases",
    )  # fmt: skip
    html = visitor.get(release.get_absolute_url()).content.decode()
    trail = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    crumbs = re.findall(r"<li[^>]*>(?:<a [^>]+>)?([^<]+)", trail)
    assert crumbs == ["Home", "Media", "News Releases", "RSIS starts a programme"]
