"""The Review panel of an item's admin page (``admin/editorial/review_panel.html``)."""

from django import template

from ..admin_review import panel

register = template.Library()


@register.simple_tag(takes_context=True)
def review_panel(context):
    """What the Review panel shows about the page's item (``original``) to the person looking,
    or None on any other page (see ``editorial.admin_review.panel``)."""
    request = context.get("request")
    if request is None:
        return None
    return panel(request.user, context.get("original"))
