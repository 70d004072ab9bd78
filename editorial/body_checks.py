"""What the pre-publish check finds in a body of rich text, each at its place in the text.

- links: a malformed address or one on this site that readers cannot open (errors), words
  such as "click here" that do not say where the link goes, or no words at all (warnings);
- pictures: alt text that tells nothing, such as a file name or "image" (an error), no alt text
  (a warning: a decorative picture has none), a picture no longer in the library (an error);
- headings that are empty or skip a level, and tables without header cells (warnings).

``body_findings(html, label)`` gives ``[(level, message, place)]``: ``place`` quotes the words
around the finding, so that the editor can find it in the text.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.text import Truncator

from .links import internal_path, site_hosts, unreachable

ERROR = "error"
WARNING = "warning"

_http_url = URLValidator(schemes=["http", "https"])

#: Link words that do not say where the link goes (compared without case or punctuation).
VAGUE_LINK_WORDS = {
    "click here", "here", "click", "read more", "more", "link", "this link", "click this link",
    "this", "learn more", "find out more", "more info", "more information", "details",
    "this page", "go", "continue reading", "read this", "see here", "see more",
}  # fmt: skip
#: Alt text that tells nothing about the picture (with or without a number after it).
MEANINGLESS_ALT = re.compile(
    r"(image|img|picture|pic|photo|photograph|graphic|figure|untitled|placeholder|alt|"
    r"alt text|screenshot|screen shot|dsc|dscn|dcim|pxl|p)?[\s_\-.]*[0-9]*",
    re.IGNORECASE,
)
FILE_NAME = re.compile(r"\S+\.(jpe?g|png|gif|webp|svg|tiff?|heic|bmp|avif)", re.IGNORECASE)
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "figcaption",
          "blockquote", "pre", "br", "tr", "table", "figure", "hr"}  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Characters of text quoted on each side of a finding.
AROUND = 50


@dataclass
class Element:
    start: int  # where it starts in the body's text
    attrs: dict = field(default_factory=dict)
    text: str = ""
    end: int = 0
    level: int = 0  # headings
    header_cells: int = 0  # tables


class BodyReader(HTMLParser):
    """Reads a body once: its text, and its links, pictures, headings and tables, each with
    where it stands in the text."""

    def __init__(self, html=""):
        super().__init__(convert_charrefs=True)
        self.pieces, self.length = [], 0
        self.links, self.images, self.headings, self.tables = [], [], [], []
        self._open = {"a": [], "heading": [], "table": []}
        self.feed(html or "")
        self.close()

    @property
    def text(self):
        return "".join(self.pieces)

    def _add_text(self, data, *, words=True):
        self.pieces.append(data)
        self.length += len(data)
        if words:
            for element in self._open["a"] + self._open["heading"]:
                element.text += data

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in BLOCKS:
            self._add_text(" ", words=tag == "br")
        if tag == "a":
            link = Element(self.length, attributes)
            self.links.append(link)
            self._open["a"].append(link)
        elif tag == "img":
            self.images.append(Element(self.length, attributes))
            alt = (attributes.get("alt") or "").strip()
            for link in self._open["a"]:
                link.text += f" {alt} " if alt else ""
        elif tag in HEADINGS:
            heading = Element(self.length, attributes, level=HEADINGS[tag])
            self.headings.append(heading)
            self._open["heading"].append(heading)
        elif tag == "table":
            table = Element(self.length, attributes)
            self.tables.append(table)
            self._open["table"].append(table)
        elif tag == "th" and self._open["table"]:
            self._open["table"][-1].header_cells += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("img", "br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        kind = "heading" if tag in HEADINGS else tag
        if kind in self._open and self._open[kind]:
            self._open[kind].pop().end = self.length
        if tag in BLOCKS:
            self._add_text(" ", words=False)

    def handle_data(self, data):
        self._add_text(data)


def words_of(text, limit=60):
    return Truncator(" ".join((text or "").split())).chars(limit)


def place(text, start, end=None, width=AROUND):
    """The words around ``text[start:end]``, quoted, with "…" where they were cut."""
    end = start if end is None else end
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start - width > 0 and " " in before:
        before = before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0]
    quoted = " ".join(f"{before}{text[start:end]}{after}".split())
    if not quoted:
        return ""
    opening = "…" if start - width > 0 else ""
    closing = "…" if end + width < len(text) else ""
    return f"“{opening}{quoted}{closing}”"


def body_findings(html, label):
    """``[(level, message, place)]`` of the body ``html``; ``label`` names the field ("body")."""
    reader = BodyReader(html)
    text = reader.text
    findings = []
    findings += _link_findings(reader, text, label)
    findings += _image_findings(reader, text, label)
    findings += _heading_findings(reader, text, label)
    for table in reader.tables:
        if not table.header_cells:
            findings.append(
                (
                    WARNING,
                    f"A table in the {label} has no header cells: click in its first row and "
                    "use the editor's “Toggle header cell” button for each cell, so that screen "
                    "readers can name each column.",
                    place(text, table.start, table.end),
                )
            )
    return findings


def _link_findings(reader, text, label):
    findings, internal = [], {}
    hosts = site_hosts()
    for link in reader.links:
        where = place(text, link.start, link.end)
        href = link.attrs.get("href")
        words = words_of(link.text) or "no text"
        problem = link_problem(href)
        if problem:
            findings.append((ERROR, f"A link in the {label} (“{words}”) {problem}", where))
            continue
        path = internal_path(href, hosts)
        if path is not None:
            internal.setdefault(path, []).append((words, where))
        plain = " ".join(re.sub(r"[^\w\s]", " ", link.text.lower()).split())
        if not plain:
            findings.append(
                (
                    WARNING,
                    f"A link in the {label} has no words: write the words readers click, "
                    "saying where the link goes.",
                    where,
                )
            )
        elif plain in VAGUE_LINK_WORDS:
            findings.append(
                (
                    WARNING,
                    f"The link “{words}” in the {label} does not say where it goes: people "
                    "who use screen readers often hear the links alone. Put the link on words "
                    "that say what readers will find, e.g. “the 2024 defence white paper”.",
                    where,
                )
            )
    for path, why in unreachable(internal).items():
        for words, where in internal[path]:
            findings.append(
                (
                    ERROR,
                    f"The link “{words}” in the {label} leads to {Truncator(path).chars(80)} "
                    f"on this site, which readers cannot open: {why}. Link to a public page, "
                    "or remove the link.",
                    where,
                )
            )
    return findings


def _image_findings(reader, text, label):
    findings, files = [], {}
    hosts = site_hosts()
    for image in reader.images:
        where = place(text, image.start)
        src = image.attrs.get("src") or ""
        alt = image.attrs.get("alt")
        shown = f" ({Truncator(src).chars(80)})" if src else ""
        if alt is None or not alt.strip():
            findings.append(
                (
                    WARNING,
                    f"An image in the {label}{shown} has no alt text: describe what it shows, "
                    "unless it is only decorative.",
                    where,
                )
            )
        elif meaningless_alt(alt, src):
            findings.append(
                (
                    ERROR,
                    f"An image in the {label} has the alt text “{words_of(alt)}”, which tells "
                    "readers nothing: describe what the image shows, e.g. “Delegates at the "
                    "opening of the Shangri-La Dialogue”.",
                    where,
                )
            )
        path = internal_path(src, hosts)
        if path is not None:
            files.setdefault(path, []).append((shown, where))
    for path, why in unreachable(files).items():
        for shown, where in files[path]:
            findings.append(
                (
                    ERROR,
                    f"An image in the {label}{shown} cannot be shown: {why}. Choose it again "
                    "from the library, or remove it.",
                    where,
                )
            )
    return findings


def meaningless_alt(alt, src=""):
    """Whether ``alt`` tells nothing about the picture: a file name, a word such as "image" or
    "photo" (with or without a number), a camera's file number, or the file's own name."""
    alt = " ".join(alt.split())
    if MEANINGLESS_ALT.fullmatch(alt) or FILE_NAME.fullmatch(alt):
        return True
    stem = src.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return bool(stem) and alt.lower() in (stem, stem.replace("-", " "), stem.replace("_", " "))


def _heading_findings(reader, text, label):
    findings, previous = [], 1  # the page's title is the one heading of level 1
    for heading in reader.headings:
        where = place(text, heading.start, heading.end)
        words = words_of(heading.text)
        if not words:
            findings.append(
                (
                    WARNING,
                    f"There is an empty heading in the {label}: write its words, or make it a "
                    "normal paragraph.",
                    where,
                )
            )
            continue
        if heading.level > previous + 1:
            if previous == 1:
                message = (
                    f"The first heading in the {label}, “{words}”, is a level-{heading.level} "
                    "heading: start with a level-2 heading (“Heading 2”), as the page's title "
                    "is level 1."
                )
            else:
                message = (
                    f"The heading “{words}” in the {label} jumps from level {previous} to "
                    f"level {heading.level}: use level {previous + 1}, so that readers (and "
                    "screen readers) can follow the outline."
                )
            findings.append((WARNING, message, where))
        previous = heading.level
    return findings


def link_problem(href):
    """Why ``href`` is not a well-formed link, as the end of a sentence; None if it is fine.

    Accepted: full http(s) addresses, mailto: addresses, addresses on this site starting with
    a single "/", and "#" links within the page.
    """
    if href is None:
        return "has no address (a malformed one is removed on saving): give it a full address."
    href = href.strip()
    hint = "Use a full address starting with https://, http:// or mailto:."
    if not href:
        return f"has an empty address. {hint}"
    if href.startswith("#") or (href.startswith("/") and not href.startswith("//")):
        return None
    scheme, colon, rest = href.partition(":")
    scheme = scheme.lower()
    if colon and scheme in ("http", "https"):
        try:
            _http_url(href)
        except ValidationError:
            return f"has an address that is not valid: “{Truncator(href).chars(80)}”. {hint}"
        return None
    if colon and scheme == "mailto":
        addresses = [a.strip() for a in rest.split("?", 1)[0].split(",") if a.strip()]
        try:
            if not addresses:
                raise ValidationError("empty")
            for address in addresses:
                validate_email(address)
        except ValidationError:
            return f"has an e-mail address that is not valid: “{Truncator(href).chars(80)}”."
        return None
    return f"has an address that is not valid: “{Truncator(href).chars(80)}”. {hint}"


def has_text(html):
    """Whether ``html`` shows anything: words or a picture."""
    reader = BodyReader(html)
    return bool(reader.text.strip()) or bool(reader.images)
