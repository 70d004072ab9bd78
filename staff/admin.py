from django.contrib import admin
from django.utils.html import format_html

from editorial.history_admin import HistoryAdmin

from .models import ExpertiseArea, Membership, Person, StaffGroup


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["group"]
    verbose_name = "group membership"


class GroupMembershipInline(admin.TabularInline):
    """People of a group, in the order the directory shows them."""

    model = Membership
    extra = 1
    autocomplete_fields = ["person"]
    ordering = ["order", "person__sort_name"]
    verbose_name = "member"


@admin.register(StaffGroup)
class StaffGroupAdmin(HistoryAdmin):
    list_display = ["name", "order", "slug"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupMembershipInline]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["photo_thumbnail", "name", "position", "group_names", "active"]
    list_display_links = ["photo_thumbnail", "name"]
    list_filter = ["active", "groups", "centres"]
    search_fields = ["name", "sort_name", "position"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "sort_name", "slug", "position", "active"]}),
        ("Photo", {"fields": ["photo"]}),
        ("Biography", {"fields": ["short_bio", "full_bio", "expertise"]}),
        ("Contact", {"fields": ["email", "website", "linkedin", "orcid", "show_contact"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Photo")
    def photo_thumbnail(self, person):
        if not person.photo:
            return "—"
        return format_html(
            '<img src="{}" width="48" height="48" alt="" style="border-radius:50%">',
            person.photo_160_jpeg.url,
        )

    @admin.display(description="Groups")
    def group_names(self, person):
        return ", ".join(group.name for group in person.groups.all())


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(HistoryAdmin):
    # The area has no page of its own: its slug is made from the name when it is added.
    list_display = ["name"]
    search_fields = ["name"]
    fields = ["name"]
