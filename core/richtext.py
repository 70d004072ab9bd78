"""Rich text: one strict allow-list, enforced on the server whatever the editor sends.

The editor in the admin offers headings, lists, links, quotes, tables and pictures from the
media library (a figure with an optional caption). Whatever reaches the server, from the editor
or from a forged request, is reduced to the allow-list below before it is stored: no scripts,
event handlers, styles, frames or embedded objects, and links and pictures only to safe
addresses. Video and audio players are not part of a body: they belong in a media item's own
player field, which accepts only the allowed hosts.
"""

import re

import nh3
from django.conf import settings
from django.urls import reverse_lazy
from django_prose_editor.fields import ProseEditorField

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "u", "s", "sub", "sup", "code", "pre",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # data-file: the number of the library image a picture was chosen from.
    "img": {"src", "alt", "width", "height", "data-file"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Removed with everything inside them (other unknown tags are removed but keep their text).
DROPPED_WITH_CONTENT = {
    "script", "style", "svg", "math", "iframe", "frame", "frameset", "object", "embed",
    "applet", "noscript", "template", "textarea", "select", "title", "head",
}  # fmt: skip
NUMBER = re.compile(r"[0-9]{1,5}")


def is_safe_image_address(value):
    """True for a site-relative address under MEDIA_URL: pictures come from the media library.

    Pictures from other sites are dropped: the public pages' Content-Security-Policy would block
    them anyway, and they would tell another site who reads what.
    """
    value = value.strip()
    if any(char.isspace() or char in "\\\ufffd" or ord(char) < 32 for char in value):
        return False
    media_url = settings.MEDIA_URL
    return (
        media_url.startswith("/")
        and not media_url.startswith("//")
        and value.startswith(media_url)
        and len(value) > len(media_url)
        and ".." not in value.split("?")[0].split("/")
    )


def is_safe_link_address(value):
    """True unless ``value`` hides a scheme other than http, https or mailto, or odd characters."""
    if any(ord(char) < 32 or ord(char) == 127 or char == "\ufffd" for char in value):
        return False
    first_part = re.split(r"[/?#]", value.strip(), maxsplit=1)[0]
    return ":" not in first_part or first_part.lower().startswith(
        tuple(f"{scheme}:" for scheme in ALLOWED_URL_SCHEMES)
    )


def _filter_attribute(tag, attribute, value):
    if tag == "a" and attribute == "href":
        return value if is_safe_link_address(value) else None
    if tag == "img":
        if attribute == "src":
            return value.strip() if is_safe_image_address(value) else None
        if attribute in {"width", "height", "data-file"}:
            return value if NUMBER.fullmatch(value) else None
    if tag in {"ol", "th", "td"} and attribute in {"start", "colspan", "rowspan"}:
        return value if NUMBER.fullmatch(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

# What the admin's editor offers; kept within ALLOWED_TAGS above. The picture button opens a
# dialog whose “Browse...” button lists the media library (see library/admin.py).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": {"pickerUrl": reverse_lazy("admin:library_image_picker")},
    "Caption": True,
    "Image": True,
    "History": True,
}


def sanitize_html(html):
    """Return ``html`` reduced to the allow-list: no scripts, handlers, styles or unsafe URLs."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


class RichTextField(ProseEditorField):
    """A text field edited with a WYSIWYG editor in the admin and sanitised on every save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(EDITOR_EXTENSIONS))
        kwargs["sanitize"] = sanitize_html
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def demote_headings(html, levels=1):
    """``html`` (sanitised rich text) with every heading ``levels`` lower (h2 → h3...; at
    most h6): a body's subheads sit below the section heading of the page that shows it."""
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + levels)}", html)
