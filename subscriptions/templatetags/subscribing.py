"""The "by email" link beside a feed: the subscribe page with the list's own choice ticked
(its series, subject, keyword, author, events, or the filters of the publications list), so
that a reader follows by email exactly what they are looking at. Lists that email does not
cover (media, research centres, work published elsewhere) get no link."""

from urllib.parse import urlsplit

from django import template
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse

register = template.Library()

#: Which choice a list ticks: {view name: (parameter, address part)}.
LISTS = {
    "publications:series": ("series", "series"),
    "publications:category": ("category", "path"),
    "publications:tag": ("tag", "slug"),
    "staff:person": ("author", "slug"),
}
#: The publications list's filters the subscribe page understands.
FILTERS = ("series", "category", "tag", "author")


@register.simple_tag(takes_context=True)
def subscribe_url(context, page=None):
    """The subscribe page for the list at ``page`` (an address), or for the page being
    shown; "" for a list that email does not cover."""
    if page is not None:
        parts = urlsplit(page)
        try:
            match = resolve(parts.path)
        except Resolver404:
            return ""
        path, query = parts.path, QueryDict(parts.query)
    else:
        request = context.get("request")
        match = getattr(request, "resolver_match", None)
        if match is None:
            return ""
        path, query = request.path, request.GET
    chosen = _choice(match, query)
    if chosen is None:
        return ""
    chosen["from"] = path
    return f"{reverse('subscriptions:subscribe')}?{chosen.urlencode()}"


def _choice(match, query):
    chosen = QueryDict(mutable=True)
    if match.view_name in LISTS:
        name, part = LISTS[match.view_name]
        chosen[name] = str(match.kwargs[part]).strip("/")
    elif match.view_name == "events:index":
        chosen["events"] = "1"
    elif match.view_name == "publications:index":
        for name in FILTERS:
            values = query.getlist(name)[:20]
            if values:
                chosen.setlist(name, values)
        if not chosen:
            chosen["all"] = "1"
    else:
        return None
    return chosen
