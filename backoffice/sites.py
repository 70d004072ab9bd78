"""The admin site of the back office: Django's, with the editorial dashboard on its front page."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class BackOfficeSite(admin.AdminSite):
    site_header = "RSIS site administration"
    site_title = "RSIS admin"
    index_title = "Manage the site"

    def get_urls(self):
        from editorial.broken_links import admin_urls

        return admin_urls(self) + super().get_urls()

    def get_app_list(self, request, app_label=None):
        from editorial.broken_links import with_broken_links_page

        app_list = super().get_app_list(request, app_label)
        return with_broken_links_page(request, app_list, self.name)

    def index(self, request, extra_context=None):
        from .dashboard import panels

        context = {"dashboard": panels(request.user), **(extra_context or {})}
        return super().index(request, context)


class BackOfficeAdminConfig(AdminConfig):
    default_site = "backoffice.sites.BackOfficeSite"
