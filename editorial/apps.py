from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, apps, verbosity=1, **kwargs):
    from .roles import sync_roles

    sync_roles(apps, verbosity=0)


class EditorialConfig(AppConfig):
    """The back office's workflow: roles, revisions, previews and share links, the dashboard."""

    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        # Models added after the roles' migration get their permissions in the roles at once.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="editorial_sync_roles")
