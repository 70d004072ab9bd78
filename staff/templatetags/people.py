from django import template
from django.utils.html import format_html

from core.images import picture_html

from ..models import PORTRAIT, THUMB

register = template.Library()

PLACEHOLDER = (
    '<svg class="avatar avatar--placeholder{}" viewBox="0 0 {} {}" width="{}" height="{}" '
    'role="img" aria-label="{}"><rect width="{}" height="{}" fill="#e6e9ee"/>'
    '<text x="50%" y="57%" text-anchor="middle" font-size="{}" '
    'font-family="system-ui, sans-serif" fill="#5b6575">{}</text></svg>'
)


@register.simple_tag
def avatar(person, size="thumb"):
    """A person's photo (``thumb`` in lists, ``portrait`` on the profile) or their initials."""
    large = size == "portrait"
    picture = person.portrait() if large else person.thumbnail()
    if picture:
        return picture_html(picture, alt=person.name, css_class="avatar", lazy=not large)
    width, height = PORTRAIT if large else THUMB
    return format_html(
        PLACEHOLDER,
        " avatar--large" if large else "",
        width, height, width, height,
        person.name,
        width, height,
        width * 3 // 10,
        person.initials,
    )  # fmt: skip
