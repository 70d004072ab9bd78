from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from core.content_cache import memo, memo_html
from core.feeds import feed_links
from core.previews import public_or_preview, render_item_page
from navigation.menu import get_menu
from navigation.views import page

from . import ics, queries
from .filters import EventFilter, page_param, paginate_by
from .models import Event

PER_PAGE = 10
CALENDAR_TYPE = "text/calendar; charset=utf-8"


@require_safe
def index(request):
    """Upcoming events (soonest first) above past ones (latest first), each paginated on its
    own (``?upcoming_page=``, ``?past_page=``) and filtered by kind, centre and year.

    The lists are rendered once per content generation for each filter and pair of pages.
    """
    event_filter = EventFilter.from_query(request.GET)
    pages = {name: page_param(request.GET, name) for name in ("upcoming_page", "past_page")}

    def build():
        now = timezone.now()
        queryset = queries.filtered(event_filter).select_related("centre")
        counts = queries.split_counts(event_filter, queryset, now)
        upcoming = paginate_by(
            pages["upcoming_page"], queryset.upcoming(now), PER_PAGE, counts["upcoming"]
        )
        past = paginate_by(pages["past_page"], queryset.past(now), PER_PAGE, counts["past"])
        filters = event_filter.query_items()
        summary = _summary(event_filter)
        context = {
            "now": now,
            "summary": summary,
            "upcoming": upcoming,
            "past": past,
            "filter": event_filter,
            "kinds": Event.Kind.choices,
            "centres": queries.all_centres(),
            "years": queries.public_years(),
            # What each list's page links keep: the filters and the other list's page.
            "upcoming_base": _query(filters, past_page=past.number),
            "past_base": _query(filters, upcoming_page=upcoming.number),
        }
        html = render_to_string("events/includes/listing.html", context)
        return {
            "html": html,
            "upcoming": upcoming.number,
            "past": past.number,
            "summary": summary,
        }

    key = f"events:list:{event_filter.key()}:{pages['upcoming_page']}:{pages['past_page']}"
    listing = memo_html(key, build)
    canonical = _query(
        event_filter.query_items(),
        upcoming_page=listing["upcoming"],
        past_page=listing["past"],
    )
    context = {
        "listing": listing["html"],
        "filter": event_filter,
        "canonical_query": canonical,
        "summary": listing.get("summary", ""),
        "upcoming_page": listing["upcoming"],
        "past_page": listing["past"],
        # The list's own feed, narrowed as the list is (checked above by the listing).
        "feed": feed_links(
            f"RSIS Events{': ' + listing['summary'] if listing.get('summary') else ''}",
            "events:feed",
            query=event_filter.query_items(),
        ),
    }
    return render(request, "events/index.html", context)


def _summary(event_filter):
    """The reader's choice of filters in words, e.g. “lectures organised by Centre for
    Multilateralism Studies in 2025” (empty when nothing is chosen).

    Called once the filters are known to be valid (``queries.filtered`` checks the centre).
    """
    if event_filter.is_empty():
        return ""
    # Every kind's label takes a plain “s” in the plural (“Seminars”, “Courses”).
    words = [f"{Event.Kind(event_filter.kind).label.lower()}s" if event_filter.kind else "events"]
    if event_filter.centre:
        words.append(f"organised by {queries.centre_by_slug(event_filter.centre).name}")
    if event_filter.year:
        words.append(f"in {event_filter.year}")
    return " ".join(words)


def _query(items, **pages):
    """A query string of ``items`` and of the page numbers other than the first."""
    return urlencode(list(items) + [(name, n) for name, n in pages.items() if n > 1])


@require_safe
def detail(request, slug):
    event, preview = public_or_preview(request, Event, queries.detail, queries.preview, slug)
    if event is None:
        return page(request, path=f"events/{slug}")  # a content page may use a free address
    return render_detail(request, event, preview=preview)


def render_detail(request, event, *, preview, extra_context=None):
    """The page of ``event``; a preview is marked as such and never cached."""

    def build():
        """The page's head tags and body, rendered once per generation and host."""
        now = timezone.now()
        context = {
            "event": event,
            "ended": event.has_ended(now),
            "under_way": event.is_under_way(now),
            "registration_open": event.registration_open(now),
            "event_crumbs": _crumbs(event),
            "canonical_url": request.build_absolute_uri(event.get_absolute_url()),
        }
        return {
            "head": render_to_string("events/includes/detail_head.html", context, request),
            "body": render_to_string("events/includes/detail_body.html", context, request),
        }

    return render_item_page(
        request,
        "events/detail.html",
        key=f"events:page:{request.scheme}://{request.get_host()}:{event.slug}",
        build=build,
        context={"event": event, **(extra_context or {})},
        preview=preview,
    )


def item_for_review(pk):
    """The event ``pk`` with everything its page shows, public or not, or None."""
    slug = Event.objects.filter(pk=pk).values_list("slug", flat=True).first()
    return queries.preview(slug) if slug is not None else None


def _crumbs(event):
    """The “Events” crumb, unless the menu's trail to the event already holds it."""
    index_url = reverse("events:index")
    if any(node.url == index_url for node in get_menu().trail(event.get_absolute_url())):
        return []
    return [{"title": "Events", "url": index_url}]


@require_safe
def event_ics(request, slug):
    """One public event as an iCalendar file, for “Add to calendar”."""
    event = queries.detail(slug)
    if event is None:
        raise Http404("There is no such event.")
    host = request.get_host()
    content = memo(
        f"events:ics:{request.scheme}://{host}:{slug}",
        lambda: ics.event_file(event, request.build_absolute_uri, host),
    )
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{event.slug}.ics")
    return response


@require_safe
def calendar(request):
    """Upcoming public events as an iCalendar feed to subscribe to."""
    host = request.get_host()
    content = memo(
        f"events:calendar-file:{request.scheme}://{host}",
        lambda: ics.feed_file(queries.calendar_events(), request.build_absolute_uri, host),
    )
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = 'inline; filename="rsis-events.ics"'
    return response
