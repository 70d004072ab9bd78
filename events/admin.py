from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from core.admin_filters import year_filter
from editorial.admin import EditorialAdmin
from editorial.bulk import BulkEditMixin
from editorial.checks import PrepublishCheckMixin, publishable
from editorial.times import local_time
from editorial.versioning import separate_revision

from . import services
from .models import Event, EventSpeaker


class EventSpeakerInline(admin.TabularInline):
    """Speakers in the order printed; a member of staff, or an outside guest by name."""

    model = EventSpeaker
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["order", "person", "name", "affiliation", "role"]
    ordering = ["order", "id"]


@admin.register(Event)
class EventAdmin(PrepublishCheckMixin, BulkEditMixin, EditorialAdmin):
    list_display = ["title", "kind", "start_local", "status_badge", "centre"]
    list_filter = ["kind", "status", "centre", year_filter("start")]
    search_fields = ["title", "speakers__person__name", "speakers__name"]
    search_help_text = "Search by title or speaker."
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["centre", "related_publications"]
    list_select_related = ["centre"]
    inlines = [EventSpeakerInline]
    actions = ["publish", "cancel"]
    # In the order the event's page reads: heading, when and where, registration, summary and
    # image, the programme, related publications (the speakers follow the form).
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status"]}),
        (
            "When and where",
            {
                "fields": ["start", "end", "venue", "online_url", "centre"],
                "description": "Times are Singapore time (SGT, UTC+8).",
            },
        ),
        ("Registration", {"fields": ["registration_url", "registration_deadline"]}),
        (
            "Introduction",
            {"fields": ["summary", "image", "image_alt", "image_credit", "image_licence"]},
        ),
        ("About the event", {"fields": ["description"]}),
        ("Related reading", {"fields": ["related_publications"]}),
        ("Shared with", {"fields": ["co_editors"]}),
    ]

    @admin.display(description="Starts (Singapore time)", ordering="start")
    def start_local(self, event):
        return local_time(event.start)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        services.event_release(event=obj)

    @admin.action(description="Publish the selected events", permissions=["publish"])
    def publish(self, request, queryset):
        count = 0
        for event in queryset.exclude(status=Event.Status.PUBLISHED):
            ok, reasons = publishable(event)
            if not ok:
                reason = " ".join(reasons)
                self.message_user(request, f"“{event}” was not published: {reason}", messages.ERROR)
                continue
            try:
                with separate_revision(request.user, "Published from the list."):
                    services.event_publish(event=event)
            except ValidationError as error:
                reason = " ".join(error.messages)
                self.message_user(request, f"“{event}” was not published: {reason}", messages.ERROR)
                continue
            count += 1
        self.message_user(request, f"Published {count} event(s).", messages.SUCCESS)

    @admin.action(description="Cancel the selected events", permissions=["publish"])
    def cancel(self, request, queryset):
        count = 0
        for event in queryset.exclude(status=Event.Status.CANCELLED):
            with separate_revision(request.user, "Cancelled from the list."):
                services.event_cancel(event=event)
            count += 1
        self.message_user(
            request,
            f"Cancelled {count} event(s); they stay on the site marked as cancelled.",
            messages.SUCCESS,
        )
