from django import forms
from django.contrib import admin

from core.admin_filters import year_filter
from editorial.admin import EditorialAdmin, status_badge
from editorial.bulk import BulkEditMixin
from editorial.checks import PrepublishCheckMixin

from .models import MediaItem


@admin.register(MediaItem)
class MediaItemAdmin(PrepublishCheckMixin, BulkEditMixin, EditorialAdmin):
    list_display = ["title", "kind", "outlet", "date", "status_badge"]
    list_filter = ["kind", year_filter("date"), "status"]
    search_fields = ["title", "outlet", "original_title", "people__name"]
    search_help_text = "Search by title, outlet, original headline or person."
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["people"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "date", "status"]}),
        (
            "Coverage",
            {
                "fields": ["outlet", "original_title", "url"],
                "description": "For coverage elsewhere: who published it, under what headline, "
                "and where. Leave the outlet empty if it is not known.",
            },
        ),
        # As the item's page reads: the player (or the image) above our text.
        (
            "Player and image",
            {
                "fields": ["embed_url", "image", "image_alt"],
                "description": "Paste a YouTube, Vimeo, SoundCloud or Spotify address to show "
                "its player on the item's page.",
            },
        ),
        ("Our text", {"fields": ["summary", "body", "people"]}),
        ("Shared with", {"fields": ["co_editors"]}),
    ]

    @admin.display(description="Status", ordering="status")
    def status_badge(self, item):
        return status_badge(item)

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses NUL characters in text, so a pasted one must not reach it.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "embed_url":
            kwargs["widget"] = forms.URLInput(attrs={"class": "vURLField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)
