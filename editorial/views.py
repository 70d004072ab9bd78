"""The page a reviewer without an account sees through a share link."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from core.previews import at_address

from . import sharing

NOT_FOUND = 404
GONE = 410


@csrf_exempt  # read-only: anything but GET and HEAD is answered 405, never 403
@require_safe
def review(request, token):
    """The item a share link names, as it will look when public, with a "shared preview" banner.

    A forged or altered address gets "not found"; a withdrawn or expired link, or one whose item
    was deleted or taken down, gets "gone" with a plain explanation. A link to an item published
    since then leads to its public page.
    """
    now = timezone.now()
    link = sharing.link_for_token(token)
    if link is None:
        return _private(_problem(request, NOT_FOUND, "invalid"))
    state = link.state(now)
    if state != link.State.ACTIVE:
        return _private(_problem(request, GONE, state, link=link))
    pages = sharing.review_page(link)
    item = pages.item_for_review(link.object_id) if pages else None
    if item is None:
        return _private(_problem(request, GONE, "deleted"))
    if request.method == "GET":
        sharing.share_link_record_use(link=link, now=now)
    public_url = item.get_absolute_url()
    if item.is_public():
        return _private(redirect(public_url))
    if not sharing.is_in_preparation(item):
        # Taken down (withdrawn): a link made for its review must not keep showing it.
        return _private(_problem(request, GONE, "withdrawn"))
    response = pages.render_detail(
        at_address(request, public_url),
        item,
        preview=True,
        extra_context={"share_link": link},
    )
    return _private(response)


def _problem(request, status, reason, link=None):
    context = {"reason": reason, "link": link}
    return render(request, "editorial/review_unavailable.html", context, status=status)


def _private(response):
    """Never kept by a cache, never indexed, and the address never passed on to other sites."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
