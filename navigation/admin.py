from django import forms
from django.contrib import admin

from editorial.admin import status_badge
from editorial.history_admin import TreeHistoryAdmin

from .models import MenuItem
from .sections import section_choices


def blank_and_sections():
    return [("", "---------"), *section_choices()]


class MenuItemForm(forms.ModelForm):
    section = forms.ChoiceField(
        choices=blank_and_sections,
        required=False,
        help_text=MenuItem._meta.get_field("section").help_text,
    )

    class Meta:
        model = MenuItem
        fields = [
            "title", "slug", "parent", "kind", "published", "show_in_menu",
            "summary", "body", "section", "url",
        ]  # fmt: skip


@admin.register(MenuItem)
class MenuItemAdmin(TreeHistoryAdmin):
    """The menu as a tree: drag an item to reorder it or to move it under another item.

    Every change is kept: an item's History page compares and restores its versions, and
    "Recover deleted menu items" brings back a deleted item with the pages under it."""

    form = MenuItemForm
    mptt_level_indent = 24
    list_display = ["tree_actions", "indented_title", "kind", "state", "show_in_menu"]
    list_display_links = ["indented_title"]
    list_filter = ["kind", "published", "show_in_menu"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "kind", "published", "show_in_menu"]}),
        ("Content page", {"fields": ["summary", "body"]}),
        ("Link", {"fields": ["section", "url"], "description": "For section and outside links."}),
    ]

    @admin.display(description="Status", ordering="published")
    def state(self, item):
        return status_badge(item)
