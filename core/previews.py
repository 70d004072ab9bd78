"""Item pages that staff may preview before they are public.

The public page of an item is rendered once per content generation (head tags and body as
fragments); a preview is rendered afresh, marked private and kept out of search engines.
"""

import copy

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe

from .content_cache import memo


def may_preview(request, model):
    """Whether this request's user may see unpublished items of ``model``."""
    opts = model._meta
    return request.user.is_authenticated and request.user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def check_preview(request, item):
    """Refuse (403) a preview of ``item`` to staff who may not open it in the admin: a
    contributor previews their own drafts and those shared with them, not other people's."""
    from django.contrib import admin

    model_admin = admin.site._registry.get(type(item))
    if model_admin is None or not model_admin.has_view_permission(request, item):
        raise PermissionDenied("This draft is someone else's.")


def public_or_preview(request, model, public, preview, *lookup):
    """The item ``public(*lookup)`` finds, else for staff who may preview ``model`` the one
    ``preview(*lookup)`` finds, with whether it is a preview: ``(item, preview)``.

    ``(None, False)`` when there is neither (or the user may not preview); a preview of
    someone else's draft is refused (403) to those who may not open it in the admin.
    """
    item = public(*lookup)
    if item is not None:
        return item, False
    if not may_preview(request, model):
        return None, False
    item = preview(*lookup)
    if item is None:
        return None, False
    check_preview(request, item)
    return item, True


def at_address(request, url):
    """A copy of ``request`` that asks for ``url``, an item's public address.

    A page shown at another address (a reviewer's share link) is rendered with it, so that the
    menu, the breadcrumbs and the canonical link are exactly those of the public page.
    """
    shown = copy.copy(request)
    prefix = get_script_prefix()
    shown.path = url
    shown.path_info = "/" + url[len(prefix) :] if url.startswith(prefix) else url
    return shown


def render_item_page(request, template, *, key, build, context, preview):
    """Render ``template`` around the fragments ``build()`` returns ({"head", "body"}).

    The fragments are kept under ``key`` for the current generation unless ``preview``.
    """
    parts = build() if preview else memo(key, build)
    context = {
        **context,
        "preview": preview,
        "head_html": mark_safe(parts.get("head", "")),  # noqa: S308 - rendered by our templates
        "body_html": mark_safe(parts["body"]),  # noqa: S308
    }
    response = render(request, template, context)
    if preview:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response
