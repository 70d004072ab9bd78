"""WordPress exports (WXR) written for the tests and the import benchmark."""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

SITE = "https://old.example.org"


def cdata(text):
    return "<![CDATA[" + (text or "").replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class Post:
    post_id: int
    title: str
    content: str = ""
    excerpt: str = ""
    status: str = "publish"
    date: str = "2021-06-01 09:30:00"
    gmt: str | None = None
    modified_gmt: str | None = None
    slug: str | None = None
    creator: str = "editor"
    categories: tuple = ()  # (slug, name)
    tags: tuple = ()  # (slug, name)
    menus: tuple = ()
    meta: dict = field(default_factory=dict)
    post_type: str = "post"
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    link: str | None = None
    attachment_url: str = ""

    def xml(self, wp):
        slug = self.slug if self.slug is not None else f"post-{self.post_id}"
        link = self.link if self.link is not None else f"{SITE}/2021/06/{slug}/"
        gmt = self.gmt if self.gmt is not None else self.date
        terms = "".join(
            f"<category domain={quoteattr(domain)} nicename={quoteattr(s)}>{cdata(n)}</category>"
            for domain, pairs in (("category", self.categories), ("post_tag", self.tags),
                                  ("nav_menu", self.menus))
            for s, n in pairs
        )  # fmt: skip
        meta = "".join(
            f"<{wp}:postmeta><{wp}:meta_key>{cdata(k)}</{wp}:meta_key>"
            f"<{wp}:meta_value>{cdata(str(v))}</{wp}:meta_value></{wp}:postmeta>"
            for k, v in self.meta.items()
        )
        modified = (
            f"<{wp}:post_modified_gmt>{cdata(self.modified_gmt)}</{wp}:post_modified_gmt>"
            if self.modified_gmt
            else ""
        )
        attachment = (
            f"<{wp}:attachment_url>{cdata(self.attachment_url)}</{wp}:attachment_url>"
            if self.attachment_url
            else ""
        )
        return f"""
<item>
  <title>{escape(self.title)}</title>
  <link>{escape(link)}</link>
  <pubDate>Tue, 01 Jun 2021 01:30:00 +0000</pubDate>
  <dc:creator>{cdata(self.creator)}</dc:creator>
  <guid isPermaLink="false">{SITE}/?p={self.post_id}</guid>
  <description></description>
  <content:encoded>{cdata(self.content)}</content:encoded>
  <excerpt:encoded>{cdata(self.excerpt)}</excerpt:encoded>
  <{wp}:post_id>{self.post_id}</{wp}:post_id>
  <{wp}:post_date>{cdata(self.date)}</{wp}:post_date>
  <{wp}:post_date_gmt>{cdata(gmt)}</{wp}:post_date_gmt>
  {modified}
  <{wp}:comment_status>{cdata("closed")}</{wp}:comment_status>
  <{wp}:post_name>{cdata(slug)}</{wp}:post_name>
  <{wp}:status>{cdata(self.status)}</{wp}:status>
  <{wp}:post_parent>{self.parent}</{wp}:post_parent>
  <{wp}:menu_order>{self.menu_order}</{wp}:menu_order>
  <{wp}:post_type>{cdata(self.post_type)}</{wp}:post_type>
  <{wp}:post_password>{cdata(self.password)}</{wp}:post_password>
  <{wp}:is_sticky>0</{wp}:is_sticky>
  {attachment}
  {terms}
  {meta}
</item>"""


def attachment(post_id, rel, *, title="A picture", alt="", caption="", parent=0):
    return Post(
        post_id,
        title,
        excerpt=caption,
        status="inherit",
        post_type="attachment",
        parent=parent,
        slug=f"attachment-{post_id}",
        link=f"{SITE}/?attachment_id={post_id}",
        attachment_url=f"{SITE}/wp-content/uploads/{rel}",
        meta={"_wp_attached_file": rel, **({"_wp_attachment_image_alt": alt} if alt else {})},
    )


def author(login, display_name, first="", last=""):
    return (login, display_name, first, last)


def export(items=(), *, authors=(), categories=(), tags=(), version="1.2", https=False, site=SITE):
    """The text of a WXR file. ``categories``: (slug, name, parent slug); ``tags``: (slug, name)."""
    scheme = "https" if https else "http"
    wp = "wp"
    authors_xml = "".join(
        f"<{wp}:author><{wp}:author_id>{n}</{wp}:author_id>"
        f"<{wp}:author_login>{cdata(login)}</{wp}:author_login>"
        f"<{wp}:author_email>{cdata(login + '@example.org')}</{wp}:author_email>"
        f"<{wp}:author_display_name>{cdata(name)}</{wp}:author_display_name>"
        f"<{wp}:author_first_name>{cdata(first)}</{wp}:author_first_name>"
        f"<{wp}:author_last_name>{cdata(last)}</{wp}:author_last_name></{wp}:author>"
        for n, (login, name, first, last) in enumerate(authors, start=1)
    )
    categories_xml = "".join(
        f"<{wp}:category><{wp}:term_id>{n}</{wp}:term_id>"
        f"<{wp}:category_nicename>{cdata(slug)}</{wp}:category_nicename>"
        f"<{wp}:category_parent>{cdata(parent)}</{wp}:category_parent>"
        f"<{wp}:cat_name>{cdata(name)}</{wp}:cat_name></{wp}:category>"
        for n, (slug, name, parent) in enumerate(categories, start=1)
    )
    tags_xml = "".join(
        f"<{wp}:tag><{wp}:term_id>{n}</{wp}:term_id><{wp}:tag_slug>{cdata(slug)}</{wp}:tag_slug>"
        f"<{wp}:tag_name>{cdata(name)}</{wp}:tag_name></{wp}:tag>"
        for n, (slug, name) in enumerate(tags, start=1001)
    )
    head = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="{scheme}://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{scheme}://wordpress.org/export/{version}/">
<channel>
  <title>Old RSIS site</title>
  <link>{site}</link>
  <description>Archive</description>
  <language>en-GB</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
  {authors_xml}{categories_xml}{tags_xml}"""
    return head + "".join(item.xml(wp) for item in items) + "\n</channel>\n</rss>\n"
