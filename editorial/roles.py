"""The three back-office roles and their exact permissions.

A contributor writes drafts, an editor manages all the content, an administrator does
everything. What that means for each app's models is what the app registers
(``editorial.registry.register_roles``); the rules below apply it. The roles are groups kept
equal to these definitions: a data migration creates them, and every ``migrate`` brings them up
to date (new models get their permissions at once; the apps have registered by then, as Django
is set up before any command runs). Give a member of staff a role by adding them to its group
and ticking "staff status".
"""

from . import registry

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"

#: Models whose drafts a contributor writes, and the publish permission they lack.
PUBLISHABLE = registry.PUBLISHABLE

#: This app: editors hold all its permissions (share links).
_EDITORIAL_APP = "editorial"
#: Read-only for editors: the revision history (written by the admin, never by hand).
_EDITOR_EXTRA = ["reversion.view_revision", "reversion.view_version"]


def contributor_permissions():
    """``["app_label.codename"]`` of a contributor, from what the apps register: their drafts
    (and the pictures and files for them), the rows edited inside them (authors, speakers),
    and what their drafts point to, to choose from."""
    names = []
    for rules in registry.ROLE_RULES.values():
        for label in rules.written:
            names += _model_permissions(label, ("add", "change", "view"))
        for label in rules.edited_inside:
            names += _model_permissions(label, ("add", "change", "delete", "view"))
        for label in rules.chosen:
            names += _model_permissions(label, ("view",))
    return names


def editor_apps():
    """The apps whose every permission an editor holds: all the content and the menu."""
    apps = [label for label, rules in registry.ROLE_RULES.items() if rules.edited_by_editors]
    return [*apps, _EDITORIAL_APP]


def _model_permissions(label, actions):
    app_label, model_name = label.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


def role_permissions(Permission):
    """``{role name: queryset of Permission}`` for the current definitions."""
    from django.db.models import Q

    def by_names(names):
        query = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        return Permission.objects.filter(query)

    editor = Permission.objects.filter(content_type__app_label__in=editor_apps()) | by_names(
        _EDITOR_EXTRA
    )
    return {
        CONTRIBUTOR: by_names(contributor_permissions()),
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
