import pytest
from django.core.exceptions import ValidationError

from newsroom.embeds import ALLOWED_HOSTS, PLAYER_ORIGINS, player, player_src
from newsroom.models import MediaItem

YT = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
SC_TRACK = (
    "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Frsis-sg%2Fcyber-resilience"
)
SPOTIFY = "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"

CONVERSIONS = [
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", YT),
    ("https://youtube.com/watch?v=aqz-KE-bpKQ&feature=share", YT),
    ("HTTPS://WWW.YOUTUBE.COM/watch?v=aqz-KE-bpKQ", YT),
    ("https://youtu.be/aqz-KE-bpKQ", YT),
    ("https://youtu.be/aqz-KE-bpKQ?si=abc123", YT),
    ("https://www.youtube.com/embed/aqz-KE-bpKQ", YT),
    ("https://www.youtube.com/shorts/aqz-KE-bpKQ", YT),
    ("https://www.youtube.com/live/aqz-KE-bpKQ", YT),
    (YT, YT),
    ("  https://www.youtube.com/watch?v=aqz-KE-bpKQ  ", YT),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=90", YT + "?start=90"),
    ("https://youtu.be/aqz-KE-bpKQ?t=1m30s", YT + "?start=90"),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=1h0m5s", YT + "?start=3605"),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=later", YT),
    (
        "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
        "https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
    ),
    ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
    ("https://vimeo.com/76979871/", "https://player.vimeo.com/video/76979871"),
    ("https://vimeo.com/channels/staffpicks/76979871", "https://player.vimeo.com/video/76979871"),
    (
        "https://vimeo.com/76979871/abcdef1234",
        "https://player.vimeo.com/video/76979871?h=abcdef1234",
    ),
    ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
    (
        "https://player.vimeo.com/video/76979871?h=abcdef1234&badge=0",
        "https://player.vimeo.com/video/76979871?h=abcdef1234",
    ),
    ("https://soundcloud.com/rsis-sg/cyber-resilience", SC_TRACK),
    ("https://soundcloud.com/rsis-sg/cyber-resilience?utm_source=x", SC_TRACK),
    (SC_TRACK, SC_TRACK),
    (
        "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/123456&color=%23ff5500",
        "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F123456",
    ),
    (
        "https://soundcloud.com/rsis-sg/sets/season-one",
        "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Frsis-sg%2Fsets%2Fseason-one",
    ),
    ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", SPOTIFY),
    ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=0a1b2c", SPOTIFY),
    ("https://open.spotify.com/intl-fr/episode/4rOoJ6Egrf8K2IrywzwOMk", SPOTIFY),
    (SPOTIFY, SPOTIFY),
    (
        "https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe",
        "https://open.spotify.com/embed/show/5CfCWKI5pZ28U0uOzXkDHe",
    ),
    ("", ""),
    ("   ", ""),
]


@pytest.mark.parametrize(("pasted", "expected"), CONVERSIONS)
def test_embed_addresses_become_player_addresses(pasted, expected):
    assert player_src(pasted) == expected
    assert player_src(expected) == expected  # a saved value validates again unchanged


REJECTED = [
    ("http://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://"),
    ("http://youtu.be/aqz-KE-bpKQ", "https://"),
    ("javascript:alert(1)", "starting with https://"),
    ("JaVaScRiPt:alert(document.cookie)//https://www.youtube.com/", "starting with https://"),
    ("data:text/html,<script>alert(1)</script>", "starting with https://"),
    ("data:text/html;base64,PHNjcmlwdD4=", "starting with https://"),
    ("//www.youtube.com/watch?v=aqz-KE-bpKQ", "starting with https://"),
    ("www.youtube.com/watch?v=aqz-KE-bpKQ", "starting with https://"),
    ("https://evil.example/watch?v=aqz-KE-bpKQ", "YouTube, Vimeo, SoundCloud and Spotify"),
    ("https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ", "YouTube, Vimeo"),
    ("https://evilyoutube.com/watch?v=aqz-KE-bpKQ", "YouTube, Vimeo"),
    ("https://m.youtube.com/watch?v=aqz-KE-bpKQ", "YouTube, Vimeo"),
    ("https://www.dailymotion.com/video/x7tgad0", "YouTube, Vimeo"),
    ("https://www.youtube.com@evil.example/watch?v=aqz-KE-bpKQ", "user name"),
    ("https://user:pw@www.youtube.com/watch?v=aqz-KE-bpKQ", "user name"),
    ("https://www.youtube.com:8443/watch?v=aqz-KE-bpKQ", "port"),
    ("https://www.youtube.com:99999/watch?v=aqz-KE-bpKQ", "not a web address"),
    ("https://www.youtube.com/watch?v=short", "single video"),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ%00", "single video"),
    ("https://www.youtube.com/results?search_query=rsis", "single video"),
    ("https://www.youtube.com/@RSISVideoChannel", "single video"),
    ("https://vimeo.com/about", "single video"),
    ("https://player.vimeo.com/76979871", "single video"),
    ("https://soundcloud.com/rsis-sg", "single video"),
    ("https://w.soundcloud.com/player/?url=https://evil.example/track", "single video"),
    ("https://w.soundcloud.com/player/?url=http://soundcloud.com/a/b", "single video"),
    ("https://open.spotify.com/user/someone", "single video"),
    ("https://www.you tube.com/watch?v=aqz-KE-bpKQ", "spaces"),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ\r\nX-Injected: 1", "spaces"),
    ("https://www.youtube.com/watch?v=" + "a" * 600, "longer than 500"),
]


@pytest.mark.parametrize(("pasted", "reason"), REJECTED)
def test_embed_addresses_outside_the_allowed_list_are_refused(pasted, reason):
    with pytest.raises(ValidationError) as caught:
        player_src(pasted)
    assert reason in " ".join(caught.value.messages)


def test_players_are_served_only_from_the_listed_origins():
    for pasted, expected in CONVERSIONS:
        if expected:
            assert player(pasted).origin in PLAYER_ORIGINS
    assert "www.youtube.com" in ALLOWED_HOSTS and "evil.example" not in ALLOWED_HOSTS


def test_model_clean_stores_the_player_address(db):
    item = MediaItem(
        kind="videos", title="A talk", slug="a-talk", date="2024-01-01",
        embed_url="https://youtu.be/aqz-KE-bpKQ?t=30",
    )  # fmt: skip
    item.full_clean()
    assert item.embed_url == YT + "?start=30"
    assert item.player.provider == "YouTube" and not item.player.audio
    assert item.has_page


@pytest.mark.parametrize(
    "pasted",
    [
        "https://evil.example/v/1",
        "http://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "javascript:alert(1)",
    ],
)
def test_model_clean_reports_a_bad_player_address_on_its_field(db, pasted):
    item = MediaItem(
        kind="videos", title="A talk", slug="a-talk", date="2024-01-01", embed_url=pasted
    )
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert list(caught.value.message_dict) == ["embed_url"]


def test_a_stored_address_that_does_not_validate_gives_no_player(db):
    item = MediaItem(kind="videos", embed_url="https://evil.example/embed/1")
    assert item.player is None
