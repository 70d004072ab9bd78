"""The admin of staff accounts and roles, in the words of the back office.

Django's own pages for users and groups, with the labels and help an administrator needs here:
a group is a role (Contributor, Editor, Administrator), and "staff status" is what lets someone
sign in to the back office. Importing this module puts these admins in place of Django's.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from editorial.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

ROLES_HELP = (
    f"What they may do: {CONTRIBUTOR} (writes drafts), {EDITOR} (manages all the content and "
    f"publishes it) or {ADMINISTRATOR} (everything, accounts included)."
)

ACCOUNT_LABELS = {
    "username": "Sign-in name",
    "is_active": "Account open",
    "is_staff": "May sign in to the back office",
    "is_superuser": "Full access (superuser)",
    "groups": "Roles",
    "user_permissions": "Extra permissions",
    "last_login": "Last signed in",
    "date_joined": "Account created",
}

ACCOUNT_HELP = {
    "username": "What they type to sign in: letters, digits and @ . + - _ only.",
    "is_active": "Untick instead of deleting the account when someone leaves: they can no "
    "longer sign in, and their work still names them.",
    "is_staff": "Tick to let them sign in here; their roles say what they may do.",
    "is_superuser": "Tick only for the site's technical administrators: they may do "
    "everything, whatever their roles.",
    "groups": ROLES_HELP,
    "user_permissions": "Permissions beyond those of their roles; rarely needed.",
}


class RoleFilter(admin.RelatedFieldListFilter):
    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = "role"


class AccountAdmin(UserAdmin):
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Name and email", {"fields": ["first_name", "last_name", "email"]}),
        ("Access", {"fields": ["is_active", "is_staff", "groups", "is_superuser"]}),
        ("Rarely needed", {"fields": ["user_permissions"], "classes": ["collapse"]}),
        ("Sign-ins", {"fields": ["last_login", "date_joined"]}),
    ]
    list_filter = ["is_staff", "is_active", ("groups", RoleFilter)]
    search_help_text = "Search by sign-in name, name or email address."

    def get_form(self, request, obj=None, **kwargs):
        kwargs["labels"] = {**ACCOUNT_LABELS, **kwargs.get("labels", {})}
        kwargs["help_texts"] = {**ACCOUNT_HELP, **kwargs.get("help_texts", {})}
        return super().get_form(request, obj, **kwargs)


class RoleAdmin(GroupAdmin):
    def get_form(self, request, obj=None, **kwargs):
        kwargs["help_texts"] = {
            "permissions": "What members of this role may do. The site keeps its three roles "
            f"({CONTRIBUTOR}, {EDITOR}, {ADMINISTRATOR}) as they are defined: changes made "
            "here to them are undone at the next update.",
            **kwargs.get("help_texts", {}),
        }
        return super().get_form(request, obj, **kwargs)


for model, model_admin in ((User, AccountAdmin), (Group, RoleAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
