"""The admin of tags: how often each is used, finding near-duplicates, and merging them.

Tags are typed freely, so the same keyword ends up written twice ("ASEAN" and "Asean"). The
list shows how many items use each tag, can be narrowed to tags whose name differs from
another's only by capitals, and the action "Merge selected tags" moves every item to the tag
kept and deletes the others. Importing this module puts this admin in place of the standard
one.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from taggit.models import Tag, TaggedItem

from core.content_cache import bump_generation
from editorial.actions import OfferedActionsOnly


class DuplicateFilter(admin.SimpleListFilter):
    title = "possible duplicates"
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("case", "Same name but for capitals")]

    def queryset(self, request, queryset):
        if self.value() != "case":
            return queryset
        shared = (
            Tag.objects.annotate(lowered=Lower("name"))
            .values("lowered")
            .annotate(count=Count("pk"))
            .filter(count__gt=1)
            .values("lowered")
        )
        return queryset.annotate(lowered=Lower("name")).filter(lowered__in=shared)


class KeepForm(forms.Form):
    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"] = forms.ModelChoiceField(
            queryset=tags,
            widget=forms.RadioSelect,
            label="Tag to keep",
            help_text="Every item with one of the other tags gets this one instead; the other "
            "tags are then deleted. The kept tag's address (/tags/…/) stays the same.",
            error_messages={
                "required": "Choose the tag to keep.",
                "invalid_choice": "Choose one of the selected tags to keep.",
            },
        )


def merge_tags(keep, others):
    """Move every item of ``others`` to ``keep`` and delete ``others``; the items changed.

    An item that had both keeps one link to ``keep``. Returns the items' (content type id,
    object id) pairs that changed.
    """
    others = [tag for tag in others if tag.pk != keep.pk]
    links = TaggedItem.objects.filter(tag__in=others)
    changed = set(links.values_list("content_type_id", "object_id"))
    has_keep = TaggedItem.objects.filter(
        tag=keep, content_type=OuterRef("content_type"), object_id=OuterRef("object_id")
    )
    for tag in others:
        mine = TaggedItem.objects.filter(tag=tag)
        # Items that already have the kept tag lose this link; the rest move over.
        mine.filter(Exists(has_keep)).delete()
        mine.update(tag=keep)
    Tag.objects.filter(pk__in=[tag.pk for tag in others]).delete()
    _reindex(changed)
    bump_generation()
    return changed


def _reindex(changed):
    """Bring the search entries of the items whose tags moved up to date (the links were moved
    in bulk, which the search index does not notice by itself)."""
    from publications.models import Publication
    from search.indexing import index_items

    publications = ContentType.objects.get_for_model(Publication).pk
    index_items("publication", [pk for type_id, pk in changed if type_id == publications])


class TagAdmin(OfferedActionsOnly, admin.ModelAdmin):
    list_display = ["name", "address", "usage"]
    search_fields = ["name", "slug"]
    search_help_text = "Search by name."
    list_filter = [DuplicateFilter]
    ordering = ["name"]
    actions = ["merge_selected"]
    merge_template = "admin/editorial/tags/merge.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(usage=Count("taggit_taggeditem_items"))

    def get_form(self, request, obj=None, **kwargs):
        # The tag's fields are taggit's: their names are given here.
        kwargs["labels"] = {"slug": "Address", **kwargs.get("labels", {})}
        kwargs["help_texts"] = {
            "name": "The tag as readers see it, e.g. “ASEAN”.",
            "slug": "The last part of the tag's page address: “asean” in /tags/asean/. Links "
            "to the old address stop working if you change it.",
            **kwargs.get("help_texts", {}),
        }
        return super().get_form(request, obj, **kwargs)

    @admin.display(description="Address", ordering="slug")
    def address(self, tag):
        return f"/tags/{tag.slug}/"

    @admin.display(description="Used on", ordering="usage")
    def usage(self, tag):
        return f"{tag.usage} item{'' if tag.usage == 1 else 's'}"

    # A renamed or deleted tag changes the public pages.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        bump_generation()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        bump_generation()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        bump_generation()

    @admin.action(description="Merge selected tags", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied("Merging tags needs permission to change and delete tags.")
        tags = queryset.order_by("-usage", "name")
        if tags.count() < 2:
            self.message_user(request, "Select at least two tags to merge them.", messages.WARNING)
            return None
        if "apply" in request.POST:
            form = KeepForm(request.POST, tags=tags)
            if form.is_valid():
                keep = form.cleaned_data["keep"]
                others = [tag for tag in tags if tag.pk != keep.pk]
                names = ", ".join(f"“{tag.name}”" for tag in others)
                with transaction.atomic():
                    changed = merge_tags(keep, others)
                    _record_items(
                        changed, request.user, f"Merged tag(s) {names} into “{keep.name}”"
                    )
                self.message_user(
                    request,
                    f"Merged {names} into “{keep.name}”: {len(changed)} item(s) moved to it.",
                    messages.SUCCESS,
                )
                return None
        else:
            form = KeepForm(tags=tags, initial={"keep": tags.first()})
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge tags",
            "action": "merge_selected",
            "opts": self.model._meta,
            "form": form,
            "tags": tags,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.merge_template, context)


def _record_items(pairs, user, comment):
    """Record a revision for each item whose tags changed (those kept in history), one per
    item, so that restoring one of them later never touches the others."""
    from django.contrib.contenttypes.models import ContentType

    from editorial.versioning import separate_revision

    by_type = {}
    for content_type_id, object_id in pairs:
        by_type.setdefault(content_type_id, []).append(object_id)
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not reversion.is_registered(model):
            continue
        for obj in model._default_manager.filter(pk__in=ids).order_by("pk"):
            with separate_revision(user, comment):
                reversion.add_to_revision(obj)


if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
