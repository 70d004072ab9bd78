from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps=None, **kwargs):
    # Also sent after a test database is flushed, without the migration state's apps.
    from .roles import sync_roles

    sync_roles(apps, verbosity=0)


def _link_content_types(sender, using="default", **kwargs):
    from .restore import create_link_content_types

    create_link_content_types(using)


class EditorialConfig(AppConfig):
    """The back office's workflow: roles, revisions, previews and share links, bulk actions
    and the pre-publish check, for the models the content apps register with it
    (``editorial.registry``)."""

    name = "editorial"
    verbose_name = "Sharing and review"

    def ready(self):
        # Models added after the roles' migration get their permissions in the roles at once.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="editorial_sync_roles")
        # The "related" links kept with a deleted item, to come back when it is recovered.
        post_migrate.connect(
            _link_content_types, sender=self, dispatch_uid="editorial_link_content_types"
        )
        # The models the content apps register as versioned keep a history of their versions;
        # the "Activity" list of changes.
        from . import admin_review, audit, versioning

        versioning.start()
        audit.register()
        # The addresses the Review panel of an item's page posts to.
        admin_review.register()
