"""``/feeds/``: every feed, to read about and copy into a feed reader; ``/feeds/opml/``: the
same list as an OPML file, which feed readers import whole."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .feed_list import chosen_feed, feed_groups


@require_safe
def index(request):
    """The feeds page; ``?feed=`` (a list page's own feed) is shown first, else ignored."""
    context = {
        "groups": feed_groups(),
        "chosen": chosen_feed(request.GET.get("feed", "")),
        "origin": f"{request.scheme}://{request.get_host()}",
    }
    return render(request, "feeds/index.html", context)


@require_safe
def opml(request):
    context = {"groups": feed_groups(), "origin": f"{request.scheme}://{request.get_host()}"}
    response = render(
        request, "feeds/feeds.opml", context, content_type="text/x-opml; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="rsis-feeds.opml"'
    return response
