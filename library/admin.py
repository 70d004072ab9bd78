from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.html import format_html

from core.admin_filters import year_filter
from core.uploads import CleanedUploadMessageMixin
from editorial.history_admin import HistoryAdmin

from . import cleanup, picker
from .models import Document, Image

MAX_SEARCH = 200


class LibrarySearchMixin:
    """Admin search that ignores characters no database can store and over-long searches; a
    deleted item whose file went with it is not recovered as a row without a file."""

    def prepare_recovery(self, obj):
        if cleanup.file_missing(obj):
            kind = obj._meta.verbose_name
            raise ObjectDoesNotExist(
                f"the file of this {kind} was removed from the library when the {kind} was "
                f"deleted. Upload it again as a new {kind}."
            )
        return super().prepare_recovery(obj)

    def get_search_results(self, request, queryset, search_term):
        search_term = search_term.replace("\x00", "")[:MAX_SEARCH]
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


class CreditFilter(admin.SimpleListFilter):
    title = "credit and licence"
    parameter_name = "credit"

    def lookups(self, request, model_admin):
        return [("complete", "Both filled"), ("missing", "Credit or licence missing")]

    def queryset(self, request, queryset):
        if self.value() == "complete":
            return queryset.exclude(credit="").exclude(licence="")
        if self.value() == "missing":
            return queryset.filter(Q(credit="") | Q(licence=""))
        return queryset


@admin.register(Image)
class ImageAdmin(LibrarySearchMixin, HistoryAdmin):
    list_display = [
        "preview_small",
        "title",
        "alt_or_decorative",
        "credit",
        "licence",
        "created_at",
    ]
    list_display_links = ["preview_small", "title"]
    list_filter = [
        "decorative",
        CreditFilter,
        year_filter("created_at"),
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "alt_text", "credit", "licence", "file"]
    list_per_page = 50
    readonly_fields = ["preview", "address", "dimensions", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "title"]}),
        ("For readers", {"fields": ["alt_text", "decorative"]}),
        ("Source", {"fields": ["credit", "licence"]}),
        (
            "Using this image",
            {"fields": ["preview", "address", "dimensions", "uploaded_by", "created_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="library_image_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The window the editor's “Browse...” button opens: library images to choose from,
        and a form to upload a new one (``library.picker``)."""
        return picker.picker_view(self, request)

    @admin.display(description="Image")
    def preview_small(self, image):
        return format_html(
            '<img src="{}" alt="" style="max-width:96px;max-height:72px">', image.thumbnail.url
        )

    @admin.display(description="Preview")
    def preview(self, image):
        if not image.pk:
            return "—"
        return format_html(
            '<a href="{}"><img src="{}" alt="" style="max-width:320px;max-height:240px"></a>',
            image.file.url,
            image.thumbnail.url,
        )

    @admin.display(description="Alternative text")
    def alt_or_decorative(self, image):
        return "(decorative)" if image.decorative else image.alt_text

    @admin.display(description="Address to use")
    def address(self, image):
        if not image.pk:
            return "Shown once the image is saved."
        return format_html(
            "<code>{}</code><br>In a body, use the picture button of the editor, then "
            "“Browse...” to choose this image: it comes with its alternative text. The "
            'full-size original is at <a href="{}">{}</a>.',
            image.body_address,
            image.file.url,
            image.file.url,
        )

    @admin.display(description="Size")
    def dimensions(self, image):
        if not image.pk:
            return "—"
        return f"{image.width} × {image.height} pixels"


@admin.register(Document)
class DocumentAdmin(CleanedUploadMessageMixin, LibrarySearchMixin, HistoryAdmin):
    list_display = ["title", "kind", "file_size", "credit", "licence", "created_at"]
    list_filter = [
        "kind",
        CreditFilter,
        year_filter("created_at"),
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "description", "credit", "licence", "file"]
    list_per_page = 50
    readonly_fields = ["address", "kind", "file_size", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "title", "description"]}),
        ("Source", {"fields": ["credit", "licence"]}),
        (
            "Using this document",
            {"fields": ["address", "kind", "file_size", "uploaded_by", "created_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    @admin.display(description="Address to use")
    def address(self, document):
        if not document.pk:
            return "Shown once the document is saved."
        return format_html(
            '<code>{}</code> (<a href="{}">open</a>)<br>To link to it from a body, select the '
            "words in the editor, click the link button and paste this address.",
            document.file.url,
            document.file.url,
        )

    @admin.display(description="File size", ordering="size")
    def file_size(self, document):
        return filesizeformat(document.size) if document.size else "—"
