import hashlib
import logging
from urllib.parse import urlencode

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date, quote_etag
from django.views.decorators.http import require_safe

from core.content_cache import memo_html
from core.feeds import feed_links as links_of_feed
from core.pagination import paginate
from core.params import parse_year
from core.previews import public_or_preview, render_item_page
from core.text import single_line
from navigation.views import page

from . import citations, printing, queries
from .categories import axes, category_nodes, node_by_path
from .filters import PublicationFilter
from .models import CODE_PATTERN, ExternalPublication, Publication

logger = logging.getLogger(__name__)

PER_PAGE = 20
EXTERNAL_PER_PAGE = 30


def _listing(request, template, *, heading, feed=None, extra=None, **fixed):
    """A filtered, paginated list of public publications (the shared part of every list).

    The list itself (filters, items, pagination) is rendered once per content generation
    for each address, filter and page; free-text queries are always rendered afresh. Its
    count and the positions its pages are read from are kept per generation and filter
    (``queries.positions``), so a page deep in the list costs what the first one does.
    """
    chosen = PublicationFilter.from_query(request.GET)
    queries.filtered(chosen)  # an unknown series, tag or author is a 404, whatever the page
    pub_filter = chosen.merged(**fixed)
    query_string = urlencode(chosen.query_items())

    def build():
        queryset = queries.filtered(pub_filter)
        positions = queries.positions(pub_filter, queryset, PER_PAGE)
        page_obj = paginate(request, queryset.for_cards(), PER_PAGE, positions=positions)
        summary = queries.describe(chosen)
        feed_links = _feed_links(feed, chosen, fixed)
        context = {
            "page_obj": page_obj,
            "filter": chosen,
            "summary": summary,
            "fixed": fixed,
            "series_list": queries.all_series(),
            "years": queries.public_years(),
            "axes": axes(),
            "query_string": query_string,
            "feed": feed_links,
        }
        html = render_to_string("publications/includes/listing.html", context, request)
        return {"html": html, "number": page_obj.number, "summary": summary, "feed": feed_links}

    page_number = request.GET.get("page", "1")[:12]
    key = f"publications:list:{request.path}:{pub_filter.key()}:{page_number}"
    listing = memo_html(key, build, fresh=bool(pub_filter.q))
    context = {
        "listing": listing["html"],
        "page_number": listing["number"],
        "heading": heading,
        "summary": listing.get("summary", ""),
        "query_string": query_string,
        "feed": listing.get("feed"),
        **(extra or {}),
    }
    return render(request, template, context)


def _feed_links(feed, chosen, fixed):
    """The addresses of the list's own feed: ``feed`` is its title, the RSS feed's URL name and
    its arguments; the reader's filters (and a year the page fixes) go in its query, those its
    address fixes (a series, a tag) do not. Called once the filters are known to be valid."""
    if feed is None:
        return None
    title, name, *args = feed
    own = chosen.merged(**({"year": fixed["year"]} if "year" in fixed else {}))
    for field in ("series", "tag"):
        if field in fixed:
            setattr(own, field, getattr(PublicationFilter(), field))
    summary = queries.describe(own)
    return links_of_feed(
        f"{title}, {summary}" if summary else title, name, *args, query=own.query_items()
    )


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
        feed=("RSIS Publications", "publications:feed-all"),
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

    extra_context = extra_context or {}

    def build():
        """The page's head tags and body, rendered once per generation and host."""
        context = {
            "publication": publication,
            "pdf_url": _pdf_url(request, publication, preview, extra_context),
            "pdf_size": None if preview else printing.pdf_size(publication),
            "teaser": queries.sidebar_teaser(),
            "series_list": queries.all_series(),
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
        context={"publication": publication, **extra_context},
        preview=preview,
    )


def _pdf_url(request, publication, preview, extra_context):
    """Where the page's PDF is: the permanent address, or the draft's for staff and reviewers."""
    if "pdf_url" in extra_context:
        return extra_context["pdf_url"]
    if preview or not publication.code:
        return reverse("publications:item-pdf", args=[publication.series.slug, publication.slug])
    return reverse("publications:pdf", args=[publication.code])


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
def pdf(request, code):
    """The PDF of the public item with ``code``, at ``/p/<CODE>.pdf``."""
    if code != code.upper() and CODE_PATTERN.fullmatch(code.upper()):
        return redirect("publications:pdf", code=code.upper(), permanent=True)
    publication = queries.detail_by_code(code) if CODE_PATTERN.fullmatch(code) else None
    if publication is None:
        raise Http404("There is no publication with this code.")
    return pdf_response(request, publication)


@require_safe
def item_pdf(request, series, slug):
    """The PDF at an item's own address: the public item's permanent PDF, or a draft PDF for
    staff who may preview the item."""
    publication, preview = public_or_preview(
        request, Publication, queries.detail, queries.preview, series, slug
    )
    if publication is None:
        raise Http404("There is no such publication.")
    if preview:
        return draft_pdf_response(request, publication)
    if publication.code:
        return redirect("publications:pdf", code=publication.code, permanent=True)
    return pdf_response(request, publication)


def pdf_response(request, publication):
    """The public PDF of ``publication``, with validators for conditional requests; 503 while
    it cannot be made. An uploaded one (cleaned on upload) is sent as a download, not sandboxed:
    a sandbox stops browsers' PDF viewers; the one the site makes is shown in the browser."""
    uploaded = _uploaded_pdf(publication)
    found = uploaded or _generated_pdf(request, publication)
    if found is None:
        return _pdf_unavailable()
    etag, modified, opener = found
    etag, modified = quote_etag(etag), int(modified.timestamp())  # HTTP dates: whole seconds
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        return not_modified
    name, download = printing.file_name(publication), uploaded is not None
    response = FileResponse(
        opener(), content_type="application/pdf", filename=name, as_attachment=download
    )
    response["ETag"], response["Last-Modified"] = etag, http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _uploaded_pdf(publication):
    if not publication.pdf:
        return None
    name = publication.pdf.name
    try:
        modified = publication.pdf.storage.get_modified_time(name)
    except (OSError, NotImplementedError):
        logger.warning("The uploaded PDF %s is missing; the site's own is served", name)
        return None
    etag = hashlib.sha256(name.encode()).hexdigest()[:32]
    return etag, modified, lambda: publication.pdf.storage.open(name, "rb")


def _generated_pdf(request, publication):
    record = printing.generated_pdf(publication, printing.origin(request))
    if record is None:
        return None
    return (
        record.fingerprint[:32],
        record.made_at,
        lambda: record.file.storage.open(record.file.name, "rb"),
    )


def _pdf_unavailable():
    response = HttpResponse(
        "The PDF of this item cannot be made just now; please try again in a few minutes.",
        content_type="text/plain; charset=utf-8",
        status=503,
    )
    response["Retry-After"] = str(int(printing.RETRY_AFTER.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


def draft_pdf_response(request, publication):
    """A PDF of an item that is not public, marked as a draft, for staff and reviewers."""
    try:
        data = printing.draft_pdf(publication, printing.origin(request))
    except Exception:
        logger.exception("The draft PDF of publication %s could not be made", publication.pk)
        return _pdf_unavailable()
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"DRAFT-{printing.file_name(publication)}"
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


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
        "feed": links_of_feed(
            f"{kinds.get(kind, 'External Publications')}{f' in {year}' if year else ''}",
            "publications:feed-external-kind" if kind else "publications:feed-external",
            *([kind] if kind else []),
            query=[("year", year)] if year else [],
        ),
    }
    return render(request, "publications/external.html", context)


@require_safe
def external_years(request):
    return render(request, "publications/external_years.html", {"years": queries.external_years()})
