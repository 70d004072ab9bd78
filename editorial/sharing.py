"""Share links: their addresses, their creation, and which items may be shared.

The address sent to a reviewer holds the link's key signed with the site's secret key (and a
salt of its own), so that a mistyped, altered or invented address is refused before the
database is asked. Whether a link with a good signature still works (withdrawn, expired) is
decided by its row, at every visit.
"""

import datetime

from django.core import signing
from django.db.models import F
from django.utils import timezone

from . import registry
from .models import ShareLink
from .times import local_time
from .versioning import separate_revision

SALT = "editorial.share-link"
#: Longer addresses are refused at once (a real one is about 70 characters).
MAX_TOKEN = 200

#: The models that may be shared, with how their page is shown for a review (a
#: ``registry.ReviewPage``), as their apps register them.
PAGES = registry.PAGES


def _signer():
    return signing.Signer(salt=SALT, sep=".")


def token_for(link):
    """The part of the link's address that names it."""
    return _signer().sign(link.key)


def link_for_token(token):
    """The link the token names (whatever its state), or None for a forged or altered token."""
    if not token or len(token) > MAX_TOKEN:
        return None
    try:
        key = _signer().unsign(token)
    except signing.BadSignature:
        return None
    return ShareLink.objects.select_related("content_type", "created_by").filter(key=key).first()


def is_shareable(obj):
    """Whether ``obj`` is of a kind that may be shared and has a page of its own to show."""
    return obj._meta.label_lower in PAGES and getattr(obj, "has_page", True)


def is_in_preparation(item):
    """Whether ``item`` is still being prepared (not public, and not taken down)."""
    return not item.is_public() and getattr(item, "status", None) != "withdrawn"


def review_page(link):
    """How the page of the link's item is shown (a ``registry.ReviewPage``), or None."""
    return PAGES.get(f"{link.content_type.app_label}.{link.content_type.model}")


def share_link_create(*, item, user, days, note, now=None):
    """A new link to ``item``, working for ``days`` days from now (a line of the activity
    list)."""
    now = now or timezone.now()
    expires_at = now + datetime.timedelta(days=days)
    comment = f"Share link made for {note}; it works until {local_time(expires_at)}."
    with separate_revision(user, comment):
        return ShareLink.objects.create(
            item=item, created_by=user, created_at=now, expires_at=expires_at, note=note
        )


def share_link_record_use(*, link, now=None):
    """Count one more visit of ``link`` (one query, safe when two reviewers open it at once)."""
    ShareLink.objects.filter(pk=link.pk).update(
        use_count=F("use_count") + 1, last_used_at=now or timezone.now()
    )
