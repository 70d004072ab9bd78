"""The three back-office roles and their exact permissions.

The roles are groups kept equal to the definitions below: a data migration creates them, and
every ``migrate`` brings them up to date (new models get their permissions at once). Give a
member of staff a role by adding them to its group and ticking "staff status".
"""

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"

#: Models whose drafts a contributor writes, and the publish permission they lack.
PUBLISHABLE = {
    "publications.publication": "publications.publish_publication",
    "events.event": "events.publish_event",
    "newsroom.mediaitem": "newsroom.publish_mediaitem",
}

_CONTRIBUTOR_PERMISSIONS = [
    # Their drafts, and the rows edited inside them (authors, speakers).
    "publications.add_publication",
    "publications.change_publication",
    "publications.view_publication",
    "publications.add_authorship",
    "publications.change_authorship",
    "publications.delete_authorship",
    "publications.view_authorship",
    "events.add_event",
    "events.change_event",
    "events.view_event",
    "events.add_eventspeaker",
    "events.change_eventspeaker",
    "events.delete_eventspeaker",
    "events.view_eventspeaker",
    "newsroom.add_mediaitem",
    "newsroom.change_mediaitem",
    "newsroom.view_mediaitem",
    # Pictures and files for their drafts.
    "library.add_image",
    "library.change_image",
    "library.view_image",
    "library.add_document",
    "library.change_document",
    "library.view_document",
    # What their drafts point to, to choose from.
    "publications.view_series",
    "publications.view_category",
    "staff.view_person",
    "research.view_centre",
    "taggit.view_tag",
]

#: Apps whose every permission an editor holds: all the content and the menu.
_EDITOR_APPS = [
    "navigation",
    "publications",
    "events",
    "newsroom",
    "staff",
    "research",
    "library",
    "taggit",
    "editorial",
]
#: Read-only for editors: the revision history (written by the admin, never by hand).
_EDITOR_EXTRA = ["reversion.view_revision", "reversion.view_version"]


def role_permissions(Permission):
    """``{role name: queryset of Permission}`` for the current definitions."""
    from django.db.models import Q

    def by_names(names):
        query = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        return Permission.objects.filter(query)

    editor = Permission.objects.filter(content_type__app_label__in=_EDITOR_APPS) | by_names(
        _EDITOR_EXTRA
    )
    return {
        CONTRIBUTOR: by_names(_CONTRIBUTOR_PERMISSIONS),
        EDITOR: editor,
        ADMINISTRATOR: Permission.objects.all(),
    }


def sync_roles(apps=None, verbosity=0):
    """Create the role groups and set each one's permissions to exactly its definition."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    if apps is None or "auth" not in {config.label for config in apps.get_app_configs()}:
        # "migrate <one app>" describes only that app's models: use the installed ones.
        apps = global_apps
    for app_config in apps.get_app_configs():
        # In a migration, permissions do not exist yet: they are created after the last one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=verbosity)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in role_permissions(Permission).items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
