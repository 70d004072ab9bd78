from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from core.content_cache import memo_html
from core.pagination import paginate
from core.params import parse_year
from core.previews import public_or_preview, render_item_page
from core.text import single_line
from navigation.views import page

from . import citations, queries
from .categories import axes, category_nodes, node_by_path
from .filters import PublicationFilter
from .models import CODE_PATTERN, ExternalPublication, Publication

PER_PAGE = 20
EXTERNAL_PER_PAGE = 30


def _listing(request, template, *, heading, feed=None, extra=None, **fixed):
    """A filtered, paginated list of public publications (the shared part of every list).

    The list itself (filters, items, pagination) is rendered once per content generation
    for each address, filter and page; free-text queries are always rendered afresh.
    """
    chosen = PublicationFilter.from_query(request.GET)
    pub_filter = chosen.merged(**fixed)
    query_string = urlencode(chosen.query_items())

    def build():
        queryset = queries.filtered(pub_filter)
        count = queries.count(pub_filter, queryset)
        page_obj = paginate(request, queryset.for_cards(), PER_PAGE, count=count)
        context = {
            "page_obj": page_obj,
            "filter": chosen,
            "fixed": fixed,
            "series_list": queries.all_series(),
            "years": queries.public_years(),
            "axes": axes(),
            "query_string": query_string,
            "feed": feed,
        }
        html = render_to_string("publications/includes/listing.html", context, request)
        return {"html": html, "number": page_obj.number}

    page_number = request.GET.get("page", "1")[:12]
    key = f"publications:list:{request.path}:{pub_filter.key()}:{page_number}"
    listing = memo_html(key, build, fresh=bool(pub_filter.q))
    context = {
        "listing": listing["html"],
        "page_number": listing["number"],
        "heading": heading,
        "query_string": query_string,
        "feed": feed,
        **(extra or {}),
    }
    return render(request, template, context)


@require_safe
def index(request):
    return _listing(
        request,
        "publications/index.html",
        heading="RSIS Publications",
        feed=("All RSIS publications", "publications:feed-all"),
    )


@require_safe
def series(request, series):
    found = queries.series_by_slug(series)
    if found is None:
        return page(request, path=f"publications/{series}")
    return _listing(
        request,
        "publications/series.html",
        heading=found.name,
        feed=(found.name, "publications:feed-series", series),
        extra={"series": found},
        series=[series],
    )


@require_safe
def years(request):
    return render(request, "publications/years.html", {"years": queries.public_years()})


@require_safe
def year(request, year):
    year = parse_year(str(year))
    if request.path != reverse("publications:year", kwargs={"year": year}):
        return redirect("publications:year", year=year, permanent=True)  # e.g. 02021
    return _listing(
        request,
        "publications/year.html",
        heading=f"RSIS Publications for {year}",
        extra={"year": year},
        year=year,
    )


@require_safe
def category(request, path):
    node = node_by_path("/".join(part for part in path.split("/") if part))
    if node is None:
        raise Http404("There is no such category.")
    if path != node.path:  # e.g. doubled slashes: one address per category
        return redirect("publications:category", path=node.path, permanent=True)
    nodes = category_nodes()
    ancestors = [n for n in nodes.values() if node.pk in n.descendant_pks]
    return _listing(
        request,
        "publications/category.html",
        heading=node.name,
        feed=(node.name, "publications:feed-category", node.path),
        extra={"category": node, "ancestors": ancestors, "children": _children(node)},
        within=[node.path],
    )


def _children(node):
    return [
        n
        for n in category_nodes().values()
        if n.pk in node.descendant_pks and n.depth == node.depth + 1
    ]


@require_safe
def tag(request, slug):
    found = queries.tag_by_slug(slug)
    if found is None:
        raise Http404("There is no such tag.")
    return _listing(
        request,
        "publications/tag.html",
        heading=f"Tagged “{found.name}”",
        feed=(found.name, "publications:feed-tag", found.slug),
        extra={"tag": found},
        tag=found.slug,
    )


@require_safe
def detail(request, series, slug):
    publication, preview = public_or_preview(
        request, Publication, queries.detail, queries.preview, series, slug
    )
    if publication is None:
        raise Http404("There is no such publication.")
    return render_detail(request, publication, preview=preview)


def render_detail(request, publication, *, preview, extra_context=None):
    """The page of ``publication``; a preview is marked as such and never cached."""

    def build():
        """The page's head tags and body, rendered once per generation and host."""
        context = {
            "publication": publication,
            "teaser": queries.sidebar_teaser(),
            "citation": citations.reference(publication, request.build_absolute_uri),
            "canonical_url": request.build_absolute_uri(publication.get_absolute_url()),
        }
        return {
            "head": render_to_string("publications/includes/detail_head.html", context, request),
            "body": render_to_string("publications/includes/detail_body.html", context, request),
        }

    series, slug = publication.series.slug, publication.slug
    return render_item_page(
        request,
        "publications/detail.html",
        key=f"publications:page:{request.scheme}://{request.get_host()}:{series}:{slug}",
        build=build,
        context={"publication": publication, **(extra_context or {})},
        preview=preview,
    )


def item_for_review(pk):
    """The publication ``pk`` with everything its page shows, public or not, or None."""
    found = Publication.objects.filter(pk=pk).values_list("series__slug", "slug").first()
    return queries.preview(*found) if found else None


CITATION_FORMATS = {
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (citations.csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


@require_safe
def cite(request, series, slug, fmt):
    publication = queries.detail(series, slug)
    if publication is None:
        raise Http404("There is no such publication.")
    if fmt not in CITATION_FORMATS:
        raise Http404("Citations are available as .bib, .ris and .json.")
    build, content_type = CITATION_FORMATS[fmt]
    response = HttpResponse(build(publication, request.build_absolute_uri), content_type)
    filename = f"{single_line(publication.code or publication.slug)}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_safe
def short_link(request, code):
    if not CODE_PATTERN.fullmatch(code.upper()):
        raise Http404("There is no publication with this code.")
    url = queries.by_code(code)
    if url is None:
        raise Http404("There is no publication with this code.")
    return redirect(url, permanent=True)


@require_safe
def external(request, kind=None):
    kinds = dict(ExternalPublication.Kind.choices)
    if kind is not None and kind not in kinds:
        raise Http404("There is no such kind of external publication.")
    raw_year = request.GET.get("year", "")
    year = parse_year(raw_year[:20]) if raw_year else None
    page_obj = paginate(request, queries.external(kind, year), EXTERNAL_PER_PAGE)
    context = {
        "page_obj": page_obj,
        "kind": kind,
        "kind_label": kinds.get(kind, "External Publications"),
        "kinds": ExternalPublication.Kind.choices,
        "year": year,
        "years": queries.external_years(),
        "query_string": f"year={year}" if year else "",
    }
    return render(request, "publications/external.html", context)


@require_safe
def external_years(request):
    return render(request, "publications/external_years.html", {"years": queries.external_years()})
