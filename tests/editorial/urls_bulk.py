"""A test-only admin site with the bulk actions and the pre-publish check on the content admins.

Until the real admins include ``PrepublishCheckMixin`` and ``BulkEditMixin``, the tests use
these copies of them, mounted at /bulk-admin/ beside the whole site.
"""

from django.contrib.admin import AdminSite
from django.urls import path
from taggit.models import Tag

from editorial.bulk import BulkEditMixin
from editorial.checks import PrepublishCheckMixin
from editorial.tags import TagAdmin
from events.admin import EventAdmin
from events.models import Event
from newsroom.admin import MediaItemAdmin
from newsroom.models import MediaItem
from publications.admin import PublicationAdmin
from publications.models import Publication
from rsis_site.urls import urlpatterns as site_urlpatterns

site = AdminSite(name="bulktest")


def with_mixins(base, **attributes):
    """``base`` with the mixins in front (those it does not have already)."""
    mixins = tuple(m for m in (PrepublishCheckMixin, BulkEditMixin) if not issubclass(base, m))
    return type(f"Test{base.__name__}", (*mixins, base), attributes)


site.register(
    Publication,
    with_mixins(
        PublicationAdmin,
        bulk_category_field="categories",
        bulk_tag_field="tags",
        bulk_author="authorships",
    ),
)
site.register(Event, with_mixins(EventAdmin))
site.register(MediaItem, with_mixins(MediaItemAdmin))
site.register(Tag, TagAdmin)

urlpatterns = [path("bulk-admin/", site.urls), *site_urlpatterns]
