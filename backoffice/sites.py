"""The admin site of the back office: Django's, with the editorial dashboard on its front page."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView

#: The groups of the front page and its menu, in the order editors use them, each with its
#: lists in order: the content first, then what the whole site shares, then the records and
#: the accounts. A group or list not named here follows those named, alphabetically.
INDEX_ORDER = {
    "publications": ["Publication", "Series", "Category", "HomeFeature", "ExternalPublication"],
    "events": ["Event"],
    "newsroom": ["MediaItem"],
    "staff": ["Person", "StaffGroup", "ExpertiseArea"],
    "research": ["Centre"],
    "navigation": ["MenuItem"],
    "library": ["Image", "Document"],
    "taggit": ["Tag"],
    "core": ["SiteSettings", "SocialLink", "FooterLink"],
    "redirects": ["Redirect"],
    "editorial": ["ShareLink"],
    "reversion": ["Revision"],
    "auth": ["User", "Group"],
    "axes": ["AccessAttempt", "AccessFailureLog", "AccessLog"],
    "imports": ["ImportRun"],
    "subscriptions": ["Subscriber", "Delivery"],
    "django_tasks_db": ["DBTaskResult"],
}


def _place(order, name, label):
    """Sort key: the position in ``order``, and after every named one, by ``label``."""
    return (order.index(name), "") if name in order else (len(order), label.lower())


class ChoiceLabelAutocompleteView(AutocompleteJsonView):
    """The search of a picker, naming what it finds as the admin of those items names them
    where one is chosen (its ``choice_label``, e.g. a category after its parents)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "choice_label", None)
        return {**result, "text": label(obj)} if label else result


class BackOfficeSite(admin.AdminSite):
    site_header = "RSIS site administration"
    site_title = "RSIS admin"
    index_title = "Manage the site"

    def get_urls(self):
        from editorial.broken_links import admin_urls

        return admin_urls(self) + super().get_urls()

    def get_app_list(self, request, app_label=None):
        from editorial.broken_links import with_broken_links_page

        apps = list(INDEX_ORDER)
        app_list = self._build_app_dict(request, app_label)
        app_list = sorted(app_list.values(), key=lambda a: _place(apps, a["app_label"], a["name"]))
        for app in app_list:
            models = INDEX_ORDER.get(app["app_label"], [])
            app["models"].sort(key=lambda m: _place(models, m["object_name"], m["name"]))
        return with_broken_links_page(request, app_list, self.name)

    def autocomplete_view(self, request):
        return ChoiceLabelAutocompleteView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        from .dashboard import panels

        context = {"dashboard": panels(request.user), **(extra_context or {})}
        return super().index(request, context)


class BackOfficeAdminConfig(AdminConfig):
    default_site = "backoffice.sites.BackOfficeSite"
