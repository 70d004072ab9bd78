"""The "by email" link beside a list's feed: the subscribe page with the list's own choice
ticked (its series, subject, keyword, author, events, or the filters of the publications
list), so that a reader follows by email exactly what they are looking at."""

from django import template
from django.http import QueryDict
from django.urls import reverse

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
def subscribe_url(context):
    request = context.get("request")
    address = reverse("subscriptions:subscribe")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return address
    query = QueryDict(mutable=True)
    if match.view_name in LISTS:
        name, part = LISTS[match.view_name]
        query[name] = str(match.kwargs[part]).strip("/")
    elif match.view_name.startswith("events:"):
        query["events"] = "1"
    elif match.view_name == "publications:index":
        for name in FILTERS:
            values = request.GET.getlist(name)[:20]
            if values:
                query.setlist(name, values)
        if not query:
            query["all"] = "1"
    query["from"] = request.path
    return f"{address}?{query.urlencode()}"
