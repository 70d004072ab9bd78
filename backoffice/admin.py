"""The site settings' admin, the tag admin (with merging) in place of taggit's, and the
admin of staff accounts and roles in place of Django's."""

from django.contrib import admin

from core.models import FooterLink, SiteSettings, SocialLink
from editorial.history_admin import HistoryAdmin


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin):
    """A single record: the admin opens it directly and never offers to add another."""

    fieldsets = [
        (None, {"fields": ["name", "short_name", "tagline", "parent_institution", "introduction"]}),
        ("Contact", {"fields": ["address", "map_url", "directions_url", "email"]}),
        ("Footer", {"fields": ["copyright_holder", "cookie_notice", "cookie_policy_url"]}),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SocialLink)
class SocialLinkAdmin(HistoryAdmin):
    list_display = ["network", "label", "url", "order"]
    list_editable = ["order"]


@admin.register(FooterLink)
class FooterLinkAdmin(HistoryAdmin):
    list_display = ["label", "group", "url", "order"]
    list_filter = ["group"]
    list_editable = ["order"]


from . import accounts, tags  # noqa: E402,F401
