"""Turning a WordPress post's content into a body the site accepts.

WordPress keeps classic content without paragraph tags (blank lines separate paragraphs) and
block-editor content between ``<!-- wp:... -->`` comments, with shortcodes in square brackets.
``convert`` gives HTML with paragraphs, the known shortcodes turned into their HTML or a link,
pictures moved to the media library, and everything reduced to the site's one allow-list by
``core.richtext.sanitize_html`` when the item is saved. What it could not carry over is
returned as notes for the import report.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
BLOCK_START = re.compile(
    r"^<(p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|td|th|figure|figcaption|div|pre|hr"
    r"|dl|section|address|iframe|script|style|!--)\b",
    re.I,
)
URL_ONLY = re.compile(r"https?://[^\s<>\"']+")
KNOWN_SHORTCODES = ("caption", "embed", "gallery", "video", "audio")
ENCLOSING = re.compile(r"\[(caption|embed|video|audio)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
SELF_CLOSING = re.compile(r"\[(gallery|video|audio|embed|caption)\b([^\]]*?)/?\]", re.I)
# A shortcode as plugins write them: a name with attributes, a closing tag, or a name with a
# dash or underscore. A bracketed word in prose (“[sic]”, “[emphasis added]”) is not one.
ANY_SHORTCODE = re.compile(
    r"\[/([a-z][a-z0-9_-]{1,40})\]"
    r"|\[([a-z][a-z0-9]*[_-][a-z0-9_-]*)(?:\s[^\]\n]{0,300})?/?\]"
    r"|\[([a-z][a-z0-9_-]{1,40})\s[^\]\n]{0,300}?\w=[^\]\n]{0,300}\]"
)
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
IMG = re.compile(r"<img\b[^>]*>", re.I | re.S)
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.I)
MEDIA_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "flv", "wmv")


@dataclass(frozen=True)
class Picture:
    """A picture of the media library, as a body shows it."""

    src: str
    alt: str
    file_id: int
    caption: str = ""

    def img(self, alt=None):
        alt = self.alt if alt is None else alt
        return f'<img src="{escape(self.src)}" alt="{escape(alt)}" data-file="{self.file_id}">'


@dataclass
class Converted:
    html: str
    notes: list = field(default_factory=list)


def plain(value):
    """Text with its tags removed and its entities decoded, on one line."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def attributes(text):
    return {
        match[1].lower(): match[2] if match[2] is not None else match[3] or match[4] or ""
        for match in ATTRIBUTE.finditer(html.unescape(text or ""))
    }


def autop(text):
    """Paragraphs from blank lines, as WordPress shows classic content; HTML blocks kept."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            parts.append(chunk)
        elif URL_ONLY.fullmatch(chunk):
            # WordPress shows a lone address as an embedded player: here, a link.
            parts.append(f'<p><a href="{escape(chunk)}">{escape(chunk)}</a></p>')
        else:
            parts.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(parts)


class Converter:
    """Converts the contents of one site's posts.

    ``picture(url)`` gives the library ``Picture`` for an address of the old site's uploads
    (or None), ``attachment(post_id)`` the one for an attachment's ID.
    """

    def __init__(self, *, picture, attachment):
        self.picture = picture
        self.attachment = attachment

    def convert(self, content):
        notes = []
        text = BLOCK_COMMENT.sub("", content or "")
        text = ENCLOSING.sub(lambda match: self._enclosing(match, notes), text)
        text = SELF_CLOSING.sub(lambda match: self._self_closing(match, notes), text)
        names = {next(filter(None, match.groups())) for match in ANY_SHORTCODE.finditer(text)}
        for name in sorted(names):
            if name not in KNOWN_SHORTCODES:
                notes.append(f"Unknown shortcode [{name}] kept as text.")
        text = autop(text)
        text = IMG.sub(lambda match: self._img(match[0], notes), text)
        return Converted(text, notes)

    def _enclosing(self, match, notes):
        name, attrs, inner = match[1].lower(), attributes(match[2]), match[3]
        if name == "caption":
            images = IMG.findall(inner)
            caption = plain(IMG.sub("", re.sub(r"</?a\b[^>]*>", "", inner))) or plain(
                attrs.get("caption", "")
            )
            if not images:
                return f"<p>{escape(caption)}</p>" if caption else ""
            figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
            return f"\n\n<figure>{images[0]}{figcaption}</figure>\n\n"
        if name == "embed":
            return self._link(inner.strip() or attrs.get("src", ""), "", notes)
        return self._media(name, attrs, inner.strip(), notes)

    def _self_closing(self, match, notes):
        name, attrs = match[1].lower(), attributes(match[2])
        if name == "gallery":
            return self._gallery(attrs, notes)
        if name == "embed":
            return self._link(attrs.get("src") or attrs.get("url", ""), "", notes)
        if name == "caption":
            return ""
        return self._media(name, attrs, "", notes)

    def _media(self, name, attrs, inner, notes):
        source = next((attrs[key] for key in MEDIA_SOURCES if attrs.get(key)), "") or inner
        label = "Video" if name == "video" else "Audio"
        return self._link(source, label, notes)

    def _link(self, url, label, notes):
        url = url.strip()
        if not URL_ONLY.fullmatch(url):
            notes.append(f"A [{label.lower() or 'embed'}] without an address was left out.")
            return ""
        name = url.rstrip("/").rsplit("/", 1)[-1] or url
        text = f"{label}: {name}" if label else url
        return f'\n\n<p><a href="{escape(url)}">{escape(text)}</a></p>\n\n'

    def _gallery(self, attrs, notes):
        figures = []
        for post_id in re.findall(r"\d+", attrs.get("ids", "") or attrs.get("include", "")):
            picture = self.attachment(post_id)
            if picture is None:
                notes.append(f"Gallery picture {post_id} not found: left out.")
                continue
            caption = (
                f"<figcaption>{escape(picture.caption)}</figcaption>" if picture.caption else ""
            )
            figures.append(f"<figure>{picture.img()}{caption}</figure>")
        if not figures and not attrs.get("ids"):
            notes.append("A [gallery] of the post's own attachments was left out.")
        return "\n\n" + "\n\n".join(figures) + "\n\n" if figures else ""

    def _img(self, tag, notes):
        if "data-file=" in tag:
            return tag  # a picture of the library already (from a caption or a gallery)
        found = SRC.search(tag)
        url = html.unescape((found[1] if found[1] is not None else found[2]) if found else "")
        numbered = WP_IMAGE_CLASS.search(tag)  # the attachment WordPress inserted it from
        picture = self.attachment(numbered[1]) if numbered else None
        if picture is None and url:
            picture = self.picture(url)
        if picture is None:
            notes.append(f"Picture not found in the uploads, left out: {url or '(no address)'}")
            return ""
        alt = ALT.search(tag)
        alt = html.unescape(alt[1] if alt[1] is not None else alt[2]) if alt else None
        return picture.img(alt.strip() if alt and alt.strip() else None)


def rewrite_links(body, new_address):
    """``body`` with each link whose address ``new_address(href)`` knows pointed there."""

    def replace(match):
        href = html.unescape(match[2] if match[2] is not None else match[3] or "")
        target = new_address(href)
        return f'{match[1]}"{escape(target)}"' if target else match[0]

    return HREF.sub(replace, body or "")
