"""Players from other sites: which addresses may be embedded, and the player address of each.

Editors paste the address they see in their browser (a YouTube watch page, a Vimeo video, a
SoundCloud track, a Spotify episode). ``player_src`` checks it against a short list of hosts and
turns it into the provider's own player address, which is what a page frames; anything else is
refused with a reason. Player addresses are accepted too, so a saved value validates again.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.core.exceptions import ValidationError

MAX_LENGTH = 500

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
SOUNDCLOUD_HOSTS = {"soundcloud.com", "w.soundcloud.com"}
SPOTIFY_HOSTS = {"open.spotify.com"}
ALLOWED_HOSTS = frozenset(YOUTUBE_HOSTS | VIMEO_HOSTS | SOUNDCLOUD_HOSTS | SPOTIFY_HOSTS)

# What a page must allow in its Content-Security-Policy ``frame-src`` to show each player.
PLAYER_ORIGINS = (
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://w.soundcloud.com",
    "https://open.spotify.com",
)

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_LIST = re.compile(r"[A-Za-z0-9_-]{10,64}")
YOUTUBE_PATH = re.compile(r"/(?:embed|shorts|live|v)/(?P<id>[A-Za-z0-9_-]{11})/?")
YOUTUBE_TIME = re.compile(r"(?:(?P<h>[0-9]{1,2})h)?(?:(?P<m>[0-9]{1,3})m)?(?:(?P<s>[0-9]{1,5})s?)?")
VIMEO_PATH = re.compile(
    r"/(?:video/|channels/[A-Za-z0-9_-]{1,60}/|groups/[A-Za-z0-9_-]{1,60}/videos/)?"
    r"(?P<id>[0-9]{1,12})(?:/(?P<hash>[0-9a-f]{6,20}))?/?"
)
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
SOUNDCLOUD_PATH = re.compile(
    r"/[a-z0-9_-]{1,100}/(?:sets/)?[a-z0-9_-]{1,200}(?:/s-[A-Za-z0-9]{1,40})?/?", re.IGNORECASE
)
SOUNDCLOUD_API_PATH = re.compile(r"/(?:tracks|playlists)/[0-9]{1,15}/?")
SPOTIFY_PATH = re.compile(
    r"(?:/intl-[a-z]{2}(?:-[A-Za-z]{2})?)?(?:/embed)?"
    r"/(?P<type>track|album|playlist|episode|show|artist)/(?P<id>[A-Za-z0-9]{22})/?"
)

VIDEO_ALLOW = (
    "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; "
    "picture-in-picture; web-share"
)
AUDIO_ALLOW = "autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture"


@dataclass(frozen=True)
class Player:
    """An embeddable player: its address and what its ``<iframe>`` needs."""

    src: str
    provider: str
    audio: bool = False

    @property
    def origin(self):
        parts = urlsplit(self.src)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def allow(self):
        return AUDIO_ALLOW if self.audio else VIDEO_ALLOW

    @property
    def width(self):
        return 640

    @property
    def height(self):
        if not self.audio:
            return 360
        return 166 if self.provider == "SoundCloud" else 232


def invalid(message):
    return ValidationError(message, code="bad_embed")


def player_src(value):
    """The player address for ``value`` (an address pasted by an editor), or "" for no value.

    Raises ValidationError saying why when the address is not an allowed, recognised player.
    """
    return player(value).src if (value or "").strip() else ""


def player(value):
    """The Player for ``value``; raises ValidationError when it cannot be embedded."""
    value = (value or "").strip()
    if len(value) > MAX_LENGTH:
        raise invalid(f"This address is longer than {MAX_LENGTH} characters.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise invalid("This address contains spaces or control characters.")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise invalid("This is not a web address.") from exc
    scheme = parts.scheme.lower()
    if scheme == "http":
        raise invalid("Use the secure address, starting with https://.")
    if scheme != "https" or not parts.netloc:
        raise invalid("Paste the web address of the video or audio page, starting with https://.")
    if parts.username is not None or parts.password is not None or port is not None:
        raise invalid("Paste the address as the site shows it, without a user name or port.")
    host = (parts.hostname or "").rstrip(".")
    if host not in ALLOWED_HOSTS:
        raise invalid(
            "Players can only be embedded from YouTube, Vimeo, SoundCloud and Spotify; "
            "put any other address under “Link” instead."
        )
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        found = _youtube(host, parts.path, query)
    elif host in VIMEO_HOSTS:
        found = _vimeo(host, parts.path, query)
    elif host in SOUNDCLOUD_HOSTS:
        found = _soundcloud(host, parts.path, query)
    else:
        found = _spotify(parts.path)
    if found is None:
        raise invalid(
            "This address is on an allowed site but is not a single video, track or episode "
            "we can embed; paste the address of the item itself."
        )
    return found


def _first(query, name):
    values = query.get(name) or [""]
    return values[0]


def _youtube(host, path, query):
    video_id, start = None, _seconds(_first(query, "t") or _first(query, "start"))
    if host == "youtu.be":
        candidate = path.strip("/")
        video_id = candidate if YOUTUBE_ID.fullmatch(candidate) else None
    elif path.rstrip("/") == "/watch":
        candidate = _first(query, "v")
        video_id = candidate if YOUTUBE_ID.fullmatch(candidate) else None
    elif path.rstrip("/") in ("/playlist", "/embed/videoseries"):
        playlist = _first(query, "list")
        if YOUTUBE_LIST.fullmatch(playlist):
            return Player(
                f"https://www.youtube-nocookie.com/embed/videoseries?list={playlist}", "YouTube"
            )
        return None
    elif match := YOUTUBE_PATH.fullmatch(path):
        video_id = match["id"]
    if video_id is None:
        return None
    suffix = f"?start={start}" if start else ""
    return Player(f"https://www.youtube-nocookie.com/embed/{video_id}{suffix}", "YouTube")


def _seconds(raw):
    """Seconds from a YouTube time such as ``90``, ``90s`` or ``1m30s`` (0 when absent or odd)."""
    match = YOUTUBE_TIME.fullmatch(raw) if raw else None
    if not match:
        return 0
    return int(match["h"] or 0) * 3600 + int(match["m"] or 0) * 60 + int(match["s"] or 0)


def _vimeo(host, path, query):
    match = VIMEO_PATH.fullmatch(path)
    if not match or (host == "player.vimeo.com") != path.startswith("/video/"):
        return None
    unlisted = match["hash"] or _first(query, "h")
    suffix = f"?h={unlisted}" if unlisted and VIMEO_HASH.fullmatch(unlisted) else ""
    return Player(f"https://player.vimeo.com/video/{match['id']}{suffix}", "Vimeo")


def _soundcloud(host, path, query):
    if host == "soundcloud.com":
        if not SOUNDCLOUD_PATH.fullmatch(path):
            return None
        track = f"https://soundcloud.com{path.rstrip('/')}"
    else:
        if path.rstrip("/") != "/player":
            return None
        track = _first(query, "url")
        try:
            inner = urlsplit(track)
        except ValueError:
            return None
        ok_page = inner.netloc == "soundcloud.com" and SOUNDCLOUD_PATH.fullmatch(inner.path)
        ok_api = inner.netloc == "api.soundcloud.com" and SOUNDCLOUD_API_PATH.fullmatch(inner.path)
        if inner.scheme != "https" or not (ok_page or ok_api) or inner.query or inner.fragment:
            return None
        track = f"https://{inner.netloc}{inner.path.rstrip('/')}"
    return Player(
        f"https://w.soundcloud.com/player/?url={quote(track, safe='')}", "SoundCloud", audio=True
    )


def _spotify(path):
    match = SPOTIFY_PATH.fullmatch(path)
    if not match:
        return None
    return Player(
        f"https://open.spotify.com/embed/{match['type']}/{match['id']}", "Spotify", audio=True
    )
