"""Plain names for the parts of the admin that other packages provide.

The admin names each group of its front page after an application, and each line after a
model: left alone, editors would read "Reversion → Revisions" for the activity list, "Taggit →
Tags" and "Axes → Access attempts". Django lets a site choose an application's name by
listing its own configuration in ``INSTALLED_APPS`` (as the settings do with these classes);
the models are named here too, once Django has loaded them. The names change only what the
admin says: tables, permissions' codes and migrations stay as the packages made them (Django
builds migrations from the names declared in the packages, not from these).
"""

from axes.apps import AppConfig as AxesConfig
from django.contrib.auth.apps import AuthConfig
from django_tasks_db.apps import TasksAppConfig
from reversion.apps import ReversionConfig
from taggit.apps import TaggitAppConfig


def name_models(app_config, names):
    """Give the app's models the names ``{model name: (one, several)}``."""
    for model_name, (singular, plural) in names.items():
        opts = app_config.get_model(model_name)._meta
        opts.verbose_name, opts.verbose_name_plural = singular, plural


class AccountsConfig(AuthConfig):
    verbose_name = "Staff accounts and roles"

    def ready(self):
        super().ready()
        name_models(self, {"User": ("staff account", "staff accounts"), "Group": ("role", "roles")})


class ActivityConfig(ReversionConfig):
    verbose_name = "Activity"

    def ready(self):
        super().ready()
        name_models(self, {"Revision": ("change", "changes")})


class TagsConfig(TaggitAppConfig):
    verbose_name = "Tags"


class SignInSecurityConfig(AxesConfig):
    verbose_name = "Sign-in security"

    def ready(self):
        super().ready()
        name_models(
            self,
            {
                # Failed sign-ins counted towards a lock-out, per name and address.
                "AccessAttempt": ("repeated failed sign-in", "lock-outs and repeated failures"),
                "AccessFailureLog": ("failed sign-in", "failed sign-ins"),
                "AccessLog": ("sign-in", "sign-ins"),
            },
        )


class QueueConfig(TasksAppConfig):
    verbose_name = "Background work (emails)"

    def ready(self):
        super().ready()
        name_models(self, {"DBTaskResult": ("queued job", "queued jobs")})
