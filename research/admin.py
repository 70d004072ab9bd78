from django.contrib import admin

from editorial.history_admin import HistoryAdmin

from .models import Centre


@admin.register(Centre)
class CentreAdmin(HistoryAdmin):
    list_display = ["name", "acronym", "kind", "head", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["head", "members"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "order"]}),
        ("Description", {"fields": ["summary", "description", "website"]}),
        ("People", {"fields": ["head", "members"]}),
    ]
