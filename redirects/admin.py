"""The admin of old addresses: the list, the form (checked as every redirect is), the CSV export
and the CSV import."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect as go_to
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import services, tracking, transfer
from .models import Redirect


class RedirectForm(forms.ModelForm):
    """An old address and its answer; a redirect that follows an item keeps following it
    until an address is typed in “go to”."""

    class Meta:
        model = Redirect
        fields = ["old_path", "status", "target_path"]

    def clean(self):
        data = super().clean()
        if any(name in self.errors for name in ("old_path", "status", "target_path")):
            return data
        status = data.get("status")
        typed = (data.get("target_path") or "").strip()
        item = None
        if status == Redirect.Status.MOVED and not typed and self.instance.content_type_id:
            item = self.instance.target
        try:
            old_path, target_path = services.redirect_check(
                old=data.get("old_path"), target=item, path=typed, status=status,
                pk=self.instance.pk,
            )  # fmt: skip
        except ValidationError as error:
            self.add_error(None, error)
            return data
        data["old_path"], data["target_path"] = old_path, target_path
        if item is None:
            self.instance.content_type, self.instance.object_id = None, None
        return data


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses: what the site answers at each once nothing else does. Those of moved and
    withdrawn items are kept by the site itself; an old website's are imported."""

    form = RedirectForm
    list_display = ["old_path", "leads_to", "status", "hits", "last_hit_at", "source"]
    list_filter = ["status", "source", ("content_type", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["old_path", "target_path"]
    search_help_text = "Search by old address, or by the address typed in “go to”."
    readonly_fields = ["leads_to", "hits", "last_hit_at", "source", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["old_path", "status", "target_path", "leads_to"]}),
        ("Use", {"fields": ["hits", "last_hit_at", "source", "created_at", "updated_at"]}),
    ]
    actions = ["export_selected"]

    def get_queryset(self, request):
        items = GenericPrefetch("target", tracking.item_querysets())
        return super().get_queryset(request).prefetch_related(items)

    @admin.display(description="leads to")
    def leads_to(self, redirect):
        if redirect.pk is None:
            return "—"
        if redirect.status == Redirect.Status.GONE:
            return "— (gone)"
        if redirect.content_type_id is None:
            return redirect.target_path
        item = redirect.target
        if item is None:
            return "(its item was deleted)"
        return format_html("{} <small>(now at {})</small>", item, tracking.address_of(item))

    def changelist_view(self, request, extra_context=None):
        may_import = self.has_add_permission(request) and self.has_change_permission(request)
        context = {"may_import": may_import, **(extra_context or {})}
        return super().changelist_view(request, context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="redirects_redirect_import"),
            path("export/", view(self.export_view), name="redirects_redirect_export"),
            *super().get_urls(),
        ]

    @admin.action(description="Download the selected redirects as CSV", permissions=["view"])
    def export_selected(self, request, queryset):
        return transfer.export_response(queryset)

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied("You may not see the redirects.")
        return transfer.export_response(self.get_queryset(request))

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied("You may not add or change redirects.")
        errors = []
        if request.method == "POST":
            form = transfer.ImportForm(request.POST, request.FILES)
            if form.is_valid():
                saved, unchanged, errors = transfer.import_rows(form.cleaned_data["file"])
                done = f"{saved} redirect(s) saved, {unchanged} unchanged."
                if not errors:
                    self.message_user(request, done, messages.SUCCESS)
                    return go_to(reverse("admin:redirects_redirect_changelist"))
                self.message_user(
                    request, f"{done} {len(errors)} line(s) were not imported.", messages.WARNING
                )
        else:
            form = transfer.ImportForm()
        context = {
            **self.admin_site.each_context(request),
            "title": "Import redirects from a CSV file",
            "opts": self.model._meta,
            "form": form,
            "errors": errors,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/redirects/redirect/import.html", context)
