"""The page a reviewer without an account sees through a share link."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from core.previews import at_address

from . import sharing
from .corrections import page_with_correction
from .models import PendingCorrection

NOT_FOUND = 404
GONE = 410


@csrf_exempt  # read-only: anything but GET and HEAD is answered 405, never 403
@require_safe
def review(request, token):
    """The item a share link names, as it will look when public, with a "shared preview" banner.

    A forged or altered address gets "not found"; a withdrawn or expired link, or one whose item
    was deleted or taken down, gets "gone" with a plain explanation. A link to an item published
    since then leads to its public page, or, while a correction of it is kept for later, shows
    the page with that correction.
    """
    found = _shared_item(request, token)
    if not isinstance(found, tuple):
        return _private(found)
    link, pages, item = found
    if item.is_public():
        pending = PendingCorrection.objects.for_item(item).select_related("saved_by").first()
        response = None
        if pending is not None:
            context = {"share_link": link, "pdf_url": None}
            response = page_with_correction(request, item, pending, extra_context=context)
        return _private(response or redirect(item.get_absolute_url()))
    pdf_url = reverse("editorial:review-pdf", args=[token]) if pages.render_pdf else None
    response = pages.render_detail(
        at_address(request, item.get_absolute_url()),
        item,
        preview=True,
        extra_context={"share_link": link, "pdf_url": pdf_url},
    )
    return _private(response)


@csrf_exempt
@require_safe
def review_pdf(request, token):
    """The printable PDF of the item a share link names, marked as a draft."""
    found = _shared_item(request, token, record_use=False)
    if not isinstance(found, tuple):
        return _private(found)
    _link, pages, item = found
    if item.is_public():
        return redirect(item.get_absolute_url())
    if pages.render_pdf is None:
        return _private(_problem(request, NOT_FOUND, "invalid"))
    return _private(pages.render_pdf(request, item))


def _shared_item(request, token, *, record_use=True):
    """``(link, review page, item)`` for a share link still in use, else the response saying
    why not."""
    now = timezone.now()
    link = sharing.link_for_token(token)
    if link is None:
        return _problem(request, NOT_FOUND, "invalid")
    state = link.state(now)
    if state != link.State.ACTIVE:
        return _problem(request, GONE, state, link=link)
    pages = sharing.review_page(link)
    item = pages.item_for_review(link.object_id) if pages else None
    if item is None:
        return _problem(request, GONE, "deleted")
    if request.method == "GET" and record_use:
        sharing.share_link_record_use(link=link, now=now)
    if not item.is_public() and not sharing.is_in_preparation(item):
        # Taken down (withdrawn): a link made for its review must not keep showing it.
        return _problem(request, GONE, "withdrawn")
    return link, pages, item


def _problem(request, status, reason, link=None):
    context = {"reason": reason, "link": link}
    return render(request, "editorial/review_unavailable.html", context, status=status)


def _private(response):
    """Never kept by a cache, never indexed, and the address never passed on to other sites."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
