"""What the admin page of a publishable item offers: preview, view on site, share links (each
address shown whole, with a button that copies it)."""

from contextlib import suppress

from django import template
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from core.previews import may_preview

from .. import sharing
from ..models import ShareLink

register = template.Library()


@register.simple_tag(takes_context=True)
def item_tools(context):
    """For the item on an admin change page: ``{"view_url", "preview_url", "share_url",
    "links", "may_revoke"}``, or None on any other page.

    ``view_url`` is set for a public item, ``preview_url`` for one that is not yet (staff see
    its public address as a preview); never both. ``share_url`` only if the user may share it.
    """
    item = context.get("original")
    request = context.get("request")
    if item is None or item.pk is None or request is None:
        return None
    if item._meta.label_lower not in sharing.PAGES:
        return None
    user = request.user
    has_page = sharing.is_shareable(item)
    url = item.get_absolute_url()
    public = item.is_public()
    tools = {
        "view_url": url if public else None,
        "preview_url": url
        if not public and has_page and may_preview(request, type(item))
        else None,
        "share_url": None,
        "links": [],
        "may_revoke": user.has_perm("editorial.change_sharelink"),
    }
    share_admin = admin.site._registry.get(ShareLink)
    if share_admin is not None and not public and share_admin.may_share(request, item):
        with suppress(NoReverseMatch):  # no link if the share links' admin has no such page
            tools["share_url"] = reverse(
                "admin:editorial_sharelink_new",
                args=[item._meta.app_label, item._meta.model_name, item.pk],
            )
    if share_admin is not None and user.has_perm("editorial.view_sharelink"):
        tools["links"] = list(
            ShareLink.objects.for_item(item).active().select_related("created_by")
        )
    return tools


@register.simple_tag(takes_context=True)
def share_address(context, link):
    """The full address of ``link`` to send to a reviewer."""
    return context["request"].build_absolute_uri(link.get_absolute_url())


@register.simple_tag
def copyable_address(address, number):
    """``address`` shown whole, with a “Copy link” button (shown once its script,
    ``editorial/copy-link.js``, runs: the address can always be selected and copied by hand)
    and a line that says when it was copied."""
    element_id = f"share-link-address-{number}"
    return format_html(
        '<span class="copy-link"><code class="copy-link__address" id="{}">{}</code> '
        '<button type="button" class="button copy-link__button" data-copy-from="{}" '
        'aria-describedby="{}" hidden>Copy link</button> '
        '<span class="copy-link__status" role="status"></span></span>',
        element_id,
        address,
        element_id,
        element_id,
    )
