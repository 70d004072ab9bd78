from django.contrib import admin, messages
from django.db import transaction
from mptt.admin import TreeRelatedFieldListFilter

from core.admin_filters import year_filter
from core.uploads import CleanedUploadMessageMixin
from editorial.admin import EditorialAdmin
from editorial.bulk import BulkEditMixin
from editorial.checks import PrepublishCheckMixin, publishable
from editorial.history_admin import HistoryAdmin, TreeHistoryAdmin
from editorial.versioning import separate_revision

from . import services
from .models import Authorship, Category, ExternalPublication, HomeFeature, Publication, Series


@admin.register(Series)
class SeriesAdmin(HistoryAdmin):
    list_display = [
        "name", "code_prefix", "item_name", "order", "on_home_page", "sidebar_teaser",
        "alert_subscribers",
    ]  # fmt: skip
    list_editable = ["order", "on_home_page", "sidebar_teaser", "alert_subscribers"]
    search_fields = ["name", "code_prefix"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(TreeHistoryAdmin):
    list_display = ["tree_actions", "indented_title", "slug"]
    list_display_links = ["indented_title"]
    # A search finds a category by its own name or its parent's, as pickers name it by both.
    search_fields = ["name", "parent__name"]
    prepopulated_fields = {"slug": ["name"]}

    def choice_label(self, category):
        """How a category is named wherever one is chosen (pickers, searches, bulk actions):
        after its parents, “Country and Region Studies › Southeast Asia and ASEAN”."""
        return category.full_name

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            field.label_from_instance = self.choice_label
        return field


class AuthorshipInline(admin.TabularInline):
    """Authors in the order printed; a member of staff, or an outside author by name."""

    model = Authorship
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["order", "person", "name", "affiliation"]
    verbose_name = "author"


@admin.register(Publication)
class PublicationAdmin(
    CleanedUploadMessageMixin, PrepublishCheckMixin, BulkEditMixin, EditorialAdmin
):
    bulk_category_field = "categories"
    bulk_tag_field = "tags"
    bulk_author = "authorships"
    list_display = [
        "code_or_dash",
        "title",
        "series",
        "status_badge",
        "publication_date",
        "authors",
    ]
    list_display_links = ["code_or_dash", "title"]
    list_filter = [
        "series",
        "status",
        year_filter("publication_date"),
        ("categories", TreeRelatedFieldListFilter),
    ]
    search_fields = ["code", "title", "authorships__person__name", "authorships__name"]
    search_help_text = "Search by code (CO21113), title or author."
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "related"]
    list_select_related = ["series"]
    inlines = [AuthorshipInline]
    actions = ["publish_now", "withdraw"]
    fieldsets = [
        (None, {"fields": ["series", "title", "slug", "code"]}),
        (
            "Publishing",
            {
                "fields": ["status", "published_at", "publication_date"],
                "description": "Scheduled items go live by themselves at the time given "
                "(Singapore time, SGT). The code is given at first publication.",
            },
        ),
        # Then in the order the page reads: the synopsis and the image under it, the text
        # (its PDF is made from it unless one is given), the categories and tags at its foot.
        (
            "Introduction",
            {"fields": ["synopsis", "image", "image_alt", "image_credit", "image_licence"]},
        ),
        ("Text", {"fields": ["body", "about_author", "pdf"]}),
        (
            "Subjects and related reading",
            {"fields": ["categories", "tags", "related"]},
        ),
        ("Shared with", {"fields": ["co_editors"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authorships__person")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "categories" and field is not None:
            field.label_from_instance = self.admin_site._registry[Category].choice_label
        return field

    def get_readonly_fields(self, request, obj=None):
        """A code, once given, is the item's permanent name (short links, citations)."""
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "code"] if obj is not None and obj.code else fields

    @admin.display(description="Code", ordering="code")
    def code_or_dash(self, publication):
        return publication.code or "—"

    @admin.display(description="Authors")
    def authors(self, publication):
        return ", ".join(a.display_name for a in publication.authorships.all())

    def save_item(self, request, obj):
        """One call to the service, which saves the row once: as it is, or given out (the
        code given, the dates filled in)."""
        had_code = bool(obj.code)
        services.publication_save(publication=obj)
        if obj.code and not had_code:
            self.message_user(request, f"{obj.code} was given to “{obj.title}”.")

    @admin.action(description="Publish the selected items now", permissions=["publish"])
    def publish_now(self, request, queryset):
        published = []
        with transaction.atomic():
            for publication in queryset.select_related("series").order_by("id"):
                if publication.status == Publication.Status.PUBLISHED:
                    continue
                ok, reasons = publishable(publication)
                if not ok:
                    self.message_user(
                        request,
                        f"“{publication}” was not published: {' '.join(reasons)}",
                        messages.ERROR,
                    )
                    continue
                with separate_revision(request.user, "Published from the list."):
                    services.publication_publish(publication=publication)
                published.append(publication.code)
        self.message_user(
            request,
            f"Published {len(published)}: {', '.join(published)}."
            if published
            else "Nothing to publish.",
            messages.SUCCESS,
        )

    @admin.action(description="Withdraw the selected items", permissions=["publish"])
    def withdraw(self, request, queryset):
        count = 0
        for publication in queryset.exclude(status=Publication.Status.WITHDRAWN):
            with separate_revision(request.user, "Withdrawn from the list."):
                services.publication_withdraw(publication=publication)
            count += 1
        self.message_user(request, f"Withdrew {count} item(s); their codes stay reserved.")


@admin.register(ExternalPublication)
class ExternalPublicationAdmin(HistoryAdmin):
    list_display = ["title", "kind", "byline", "venue", "year", "published"]
    list_filter = ["kind", "year", "published"]
    search_fields = ["title", "byline", "venue", "people__name"]
    autocomplete_fields = ["people"]


@admin.register(HomeFeature)
class HomeFeatureAdmin(HistoryAdmin):
    """The publications at the top of the home page, in order (drafts wait until public)."""

    list_display = ["publication", "order", "is_public"]
    list_editable = ["order"]
    autocomplete_fields = ["publication"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publication__series")

    @admin.display(boolean=True, description="Shown now")
    def is_public(self, feature):
        return feature.publication.is_public()
