"""The first reading of an export: the whole file is checked before anything is written, and
what later items need to know about others is noted (a post's featured image may come after
it in the file, a page's parent too). Only small facts per item are kept, never contents."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import wxr
from .files import relative_upload
from .mapping import key


@dataclass
class Attachment:
    post_id: str
    url: str
    rel: str | None
    title: str
    alt: str
    caption: str
    parent: str
    link: str

    @property
    def is_pdf(self):
        return (self.rel or self.url).lower().endswith(".pdf")


@dataclass
class Scan:
    site: wxr.Site = None
    authors: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)  # slug -> Term
    tags: dict = field(default_factory=dict)  # slug -> Term
    attachments: dict = field(default_factory=dict)  # post ID -> Attachment
    by_file: dict = field(default_factory=dict)  # uploads-relative name -> post ID
    by_path: dict = field(default_factory=dict)  # path of the file's old address -> post ID
    types: dict = field(default_factory=dict)  # post ID -> post type
    #: post ID -> the ID of the first PDF attached to it (the item's own PDF, for a post)
    pdf_of_post: dict = field(default_factory=dict)
    page_places: dict = field(default_factory=dict)  # page ID -> (parent ID, menu order)
    items: int = 0

    @property
    def hosts(self):
        """The exported site's host names (with and without ``www.``)."""
        names = set()
        for url in (self.site.link, self.site.base_site_url, self.site.base_blog_url):
            host = urlsplit(url).hostname if url else None
            if host:
                names.update({host, host.removeprefix("www."), f"www.{host.removeprefix('www.')}"})
        return names

    def category_path(self, slug):
        """``parent/child`` slugs of a category, as WordPress's archive address has them."""
        parts, seen = [], set()
        while slug and slug not in seen:
            seen.add(slug)
            parts.append(slug)
            term = self.categories.get(slug)
            slug = term.parent if term else ""
        return "/".join(reversed(parts))


def scan(path):
    """Read the whole export once (raising ``wxr.NotAnExport`` if it is not one)."""
    found = Scan()
    for part in wxr.read(path):
        if isinstance(part, wxr.Site):
            found.site = part
        elif isinstance(part, wxr.Author):
            found.authors[part.login] = part
        elif isinstance(part, wxr.Term):
            if part.taxonomy == "category":
                found.categories[part.slug] = part
            elif part.taxonomy == "post_tag":
                found.tags[part.slug] = part
        elif isinstance(part, wxr.Item):
            found.items += 1
            _note(found, part)
    return found


def _note(found, item):
    found.types[item.post_id] = item.post_type
    if item.post_type == "attachment":
        rel = item.meta.get("_wp_attached_file") or relative_upload(item.attachment_url)
        attachment = Attachment(
            post_id=item.post_id,
            url=item.attachment_url,
            rel=rel.lstrip("/") if rel else None,
            title=item.title,
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=item.excerpt,
            parent=item.parent,
            link=item.link,
        )
        found.attachments[item.post_id] = attachment
        if attachment.rel:
            found.by_file.setdefault(attachment.rel, item.post_id)
        if item.attachment_url:
            found.by_path.setdefault(urlsplit(item.attachment_url).path, item.post_id)
        if attachment.is_pdf and item.parent not in ("", "0"):
            found.pdf_of_post.setdefault(item.parent, item.post_id)
    elif item.post_type == "page":
        found.page_places[item.post_id] = (item.parent, item.menu_order)
    for taxonomy, slug, name in item.terms:
        # Terms used by posts but not declared at the top (WordPress.com leaves some out).
        if taxonomy == "category" and slug and slug not in found.categories:
            found.categories[slug] = wxr.Term("category", "", slug, name)
        elif taxonomy == "post_tag" and slug and key(slug) not in found.tags:
            found.tags.setdefault(slug, wxr.Term("post_tag", "", slug, name))
