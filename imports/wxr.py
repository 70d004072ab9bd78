"""Reading a WordPress export (WXR 1.0 to 1.2, as WordPress and WordPress.com write it).

The file is read as a stream: each ``<item>`` is handed over once parsed and then dropped, so
a 200 MB export never sits in memory whole. The parser refuses what a hostile file could use
against us (a DOCTYPE, hence entity expansion and external entities), and anything that is
not well-formed XML or not a WordPress export ends the reading with ``NotAnExport``.
"""

import re
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/excerpt/$")
KNOWN_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
NO_DATE = "0000-00-00 00:00:00"


class NotAnExport(Exception):
    """The file is not a WordPress export we can read (the message says why)."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    version: str = ""

    @property
    def key(self):
        """What identifies the exported site across runs (its address, without the scheme)."""
        url = self.base_blog_url or self.link or self.base_site_url
        return re.sub(r"^https?://", "", url).rstrip("/").lower()[:200]


@dataclass
class Author:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name.strip() or full or self.login


@dataclass
class Term:
    """A category, tag or other term declared at the top of the export."""

    taxonomy: str
    term_id: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Item:
    post_id: str
    post_type: str = "post"
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified_gmt: str = ""
    status: str = ""
    slug: str = ""
    parent: str = "0"
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    #: (taxonomy, slug, name) of each category, tag or menu the item is filed under.
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    #: Set by the import for a page whose parent did not come in.
    orphan: bool = False

    def terms_of(self, taxonomy):
        return [(slug, name) for kind, slug, name in self.terms if kind == taxonomy]


ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_id": "post_id",
    "wp:post_type": "post_type",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:status": "status",
    "wp:post_name": "slug",
    "wp:post_parent": "parent",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}


def _prefix(uri):
    if uri in KNOWN_NAMESPACES:
        return KNOWN_NAMESPACES[uri]
    if EXCERPT_NAMESPACE.match(uri):
        return "excerpt"
    if WP_NAMESPACE.match(uri):
        return "wp"
    return uri


def _name(tag):
    """``{http://wordpress.org/export/1.2/}post_id`` as ``wp:post_id`` (either spelling)."""
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return f"{_prefix(uri)}:{local}"
    return tag


def _text(element, name):
    for child in element:
        if _name(child.tag) == name:
            return (child.text or "").strip() if name != "content:encoded" else child.text or ""
    return ""


def _author(element):
    return Author(
        login=_text(element, "wp:author_login"),
        display_name=_text(element, "wp:author_display_name"),
        first_name=_text(element, "wp:author_first_name"),
        last_name=_text(element, "wp:author_last_name"),
    )


def _term(element, name):
    if name == "wp:category":
        return Term(
            "category",
            _text(element, "wp:term_id"),
            _text(element, "wp:category_nicename"),
            _text(element, "wp:cat_name"),
            _text(element, "wp:category_parent"),
            _text(element, "wp:category_description"),
        )
    if name == "wp:tag":
        return Term(
            "post_tag",
            _text(element, "wp:term_id"),
            _text(element, "wp:tag_slug"),
            _text(element, "wp:tag_name"),
            description=_text(element, "wp:tag_description"),
        )
    return Term(
        _text(element, "wp:term_taxonomy"),
        _text(element, "wp:term_id"),
        _text(element, "wp:term_slug"),
        _text(element, "wp:term_name"),
        _text(element, "wp:term_parent"),
        _text(element, "wp:term_description"),
    )


def _item(element):
    item = Item(post_id="")
    for child in element:
        name = _name(child.tag)
        if name in ITEM_FIELDS:
            value = child.text or ""
            setattr(item, ITEM_FIELDS[name], value if name == "content:encoded" else value.strip())
        elif name == "wp:menu_order":
            item.menu_order = int(child.text) if (child.text or "").strip().isdigit() else 0
        elif name == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            key = _text(child, "wp:meta_key")
            if key:
                item.meta[key] = _text(child, "wp:meta_value")
    return item


CHANNEL_PARTS = {
    "wp:author": _author,
    "wp:category": lambda element: _term(element, "wp:category"),
    "wp:tag": lambda element: _term(element, "wp:tag"),
    "wp:term": lambda element: _term(element, "wp:term"),
    "item": _item,
}
SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "version",
}


def read(path):
    """Yield the export's parts in file order: the ``Site`` (once its version is known, before
    any other part), then ``Author``, ``Term`` and ``Item`` objects.

    Raises ``NotAnExport`` for a file that is not a well-formed WordPress export.
    """
    site, channel, site_given, depth = Site(), None, False, 0
    try:
        for event, element in iterparse(
            str(path), events=("start", "end"), forbid_dtd=True, forbid_entities=True
        ):
            if event == "start":
                depth += 1
                name = _name(element.tag)
                if depth == 1 and name != "rss":
                    raise NotAnExport("This is XML, but not a WordPress export (no <rss> root).")
                if depth == 2 and name == "channel":
                    channel = element
                continue
            depth -= 1
            if channel is None or depth != 2:
                continue
            name = _name(element.tag)
            if name in SITE_FIELDS:
                setattr(site, SITE_FIELDS[name], (element.text or "").strip())
            elif name in CHANNEL_PARTS:
                if not site_given:
                    if not site.version:
                        raise NotAnExport(
                            "This is an RSS file, but not a WordPress export (no wxr_version)."
                        )
                    site_given = True
                    yield site
                yield CHANNEL_PARTS[name](element)
            channel.remove(element)
    except DefusedXmlException as error:
        raise NotAnExport(
            "The file declares a DTD or entities, which a WordPress export never does and an "
            f"attack on the reader would: refused ({type(error).__name__})."
        ) from error
    except ParseError as error:
        raise NotAnExport(f"The file is not well-formed XML (truncated?): {error}") from error
    except UnicodeDecodeError as error:
        raise NotAnExport(f"The file is not valid text: {error}") from error
    if not site_given:
        if not site.version:
            raise NotAnExport("This is not a WordPress export (no wxr_version).")
        yield site


def wordpress_date(value):
    """The text of a WordPress date, or "" for its empty value ``0000-00-00 00:00:00``."""
    return "" if not value or value.startswith(NO_DATE[:10]) else value
