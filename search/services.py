"""Site search over content pages. Plain substring matching, the same on SQLite and PostgreSQL."""

import html
import re

import nh3
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

from navigation.menu import get_menu
from navigation.models import MenuItem

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CHARS = 240


def clean_query(raw):
    """Normalise a visitor's query: no control characters, bounded length, collapsed spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(query):
    return [term for term in query.split(" ") if term][:MAX_TERMS]


def page_results(query):
    """Published content pages matching every term of ``query``, best (title) matches first."""
    terms = query_terms(query)
    if not terms:
        return []
    condition = Q()
    for term in terms:
        condition &= Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)
    menu = get_menu()
    visible_ids = [node.id for node in menu.by_path.values()]
    items = (
        MenuItem.objects.published()
        .filter(condition, pk__in=visible_ids)
        .only("id", "title", "summary", "body")
    )
    results = [PageResult(item, menu.get(item.pk), terms, menu) for item in items]
    results.sort(key=lambda r: (-r.score, r.title))
    return results


class PageResult:
    """One matching page; its snippet is only made if the result is shown."""

    def __init__(self, item, node, terms, menu):
        self.item, self.node, self.terms, self.menu = item, node, terms, menu
        self.title = item.title
        self.url = node.url
        self.score = sum(term.lower() in item.title.lower() for term in terms)

    @cached_property
    def breadcrumbs(self):
        return [ancestor.title for ancestor in self.menu.ancestors(self.node)]

    @cached_property
    def snippet(self):
        return highlight(snippet_source(self.item), self.terms)


def snippet_source(item):
    """Plain text of a page: tags removed and entities decoded (escaped again when shown)."""
    text = nh3.clean(f"{item.summary} {item.body}", tags=set())
    return " ".join(html.unescape(text).split())


def highlight(text, terms):
    """An escaped excerpt of ``text`` around the first match, with every term in <mark>."""
    lowered = text.lower()
    first = min((lowered.find(t.lower()) for t in terms if t.lower() in lowered), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    excerpt = text[start : start + SNIPPET_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    pattern = re.compile("|".join(re.escape(escape(t)) for t in terms), re.IGNORECASE)
    marked = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escape(excerpt))
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - built from escaped text
