from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from core.content_cache import memo_html
from core.feeds import feed_links
from core.pagination import paginate
from core.params import clean, parse_year
from core.previews import public_or_preview, render_item_page
from navigation.views import page

from . import queries
from .models import MediaItem

PER_PAGE = 20
INDEX_LATEST = 4
MAX_SLUG = 200


@require_safe
def index(request):
    """The latest items of each kind, each with a link to its list and feed."""

    def build():
        sections = queries.latest_by_kind(INDEX_LATEST)
        context = {
            "sections": sections,
            "has_items": any(items for _, _, items in sections),
        }
        return render_to_string("newsroom/includes/index_body.html", context, request)

    context = {
        "body_html": memo_html("newsroom:index", build),
        "kinds": queries.KINDS,
    }
    return render(request, "newsroom/index.html", context)


@require_safe
def kind(request, kind):
    """One kind of media item, newest first, by year if asked; other addresses under /media/
    are content pages of the menu (e.g. /media/great-powers/)."""
    label = queries.kind_label(kind)
    if label is None:
        return page(request, path=f"media/{kind}")
    year = year_filter(request)
    query_string = f"year={year}" if year else ""
    feed = feed_links(
        f"RSIS {label}{f' for {year}' if year else ''}",
        "newsroom:feed",
        kind,
        query=[("year", year)] if year else [],
    )

    def build():
        page_obj = paginate(
            request, queries.items(kind, year), PER_PAGE, count=queries.count(kind, year)
        )
        context = {
            "page_obj": page_obj,
            "kind": kind,
            "kinds": queries.KINDS,
            "label": label,
            "year": year,
            "years": queries.years(kind),
            "query_string": query_string,
            "feed": feed,
        }
        html = render_to_string("newsroom/includes/listing.html", context, request)
        return {"html": html, "number": page_obj.number}

    page_number = clean("page", request.GET.get("page", "1"))[:12]
    listing = memo_html(f"newsroom:list:{kind}:{year or ''}:{page_number}", build)
    context = {
        "listing": listing["html"],
        "page_number": listing["number"],
        "kind": kind,
        "heading": f"{label} for {year}" if year else label,
        "label": label,
        "year": year,
        "query_string": query_string,
        "feed": feed,
    }
    return render(request, "newsroom/kind.html", context)


def year_filter(request):
    """The ``?year=`` filter: four ASCII digits in range, given once; empty means any year."""
    values = request.GET.getlist("year")
    if len(values) > 1:
        raise Http404("Give “year” once only.")
    raw = clean("year", values[0]) if values else ""
    return parse_year(raw) if raw else None


@require_safe
def detail(request, kind, slug):
    """The page of an item with a text or a player; staff may preview unpublished ones."""
    if queries.kind_label(kind) is None:
        return page(request, path=f"media/{kind}/{slug}")
    if len(slug) > MAX_SLUG:
        raise Http404("There is no such item.")
    item, preview = public_or_preview(
        request, MediaItem, queries.detail, queries.preview, kind, slug
    )
    if item is None:
        raise Http404("There is no such item.")
    return render_detail(request, item, preview=preview)


def render_detail(request, item, *, preview, extra_context=None):
    """The page of ``item`` (one with a page of its own); a preview is marked as such and never
    cached."""
    label = queries.kind_label(item.kind)

    def build():
        context = {"item": item, "label": label}
        return {"body": render_to_string("newsroom/includes/detail_body.html", context, request)}

    response = render_item_page(
        request,
        "newsroom/detail.html",
        key=f"newsroom:page:{item.kind}:{item.slug}",
        build=build,
        context={"item": item, "label": label, **(extra_context or {})},
        preview=preview,
    )
    if item.player is not None:
        # Only a page with a player may frame that player's site (django-csp adds to the policy).
        response._csp_update = {"frame-src": [item.player.origin]}
    return response


def item_for_review(pk):
    """The item ``pk`` with everything its page shows, public or not, or None if it has no page."""
    found = MediaItem.objects.filter(pk=pk).values_list("kind", "slug").first()
    return queries.preview(*found) if found else None
