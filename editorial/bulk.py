"""Changing many items at once from an admin list, and exporting a list as a spreadsheet.

``BulkEditMixin`` adds actions to an admin list: add or remove a category, a tag or an author
on all the selected items, and export them as a CSV file (opens in Excel). Each change asks
what to add or remove on a page of its own, then applies to every selected item in one go,
skipping (and naming) the items the user may not change. Every change is kept in the items'
history with who made it, so it can be undone.

Turn the actions on per admin with class attributes, e.g. for items with categories, tags and
authors::

    bulk_category_field = "categories"
    bulk_tag_field = "tags"
    bulk_author = "authorships"
"""

import reversion
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import transaction
from django.db.models import Max
from django.template.response import TemplateResponse
from django.utils.text import capfirst

from .bulk_forms import ChooseForm, TagForm
from .csv_export import CsvExportMixin
from .tagging import may_add_tags
from .versioning import separate_revision

#: How many of the selected items the confirmation page names.
LISTED_ITEMS = 20


def _a(noun):
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


# The mixin ---------------------------------------------------------------------------------


class BulkEditMixin(CsvExportMixin):
    """Admin mixin: bulk add/remove of a category, tag or author, and CSV export."""

    #: The many-to-many field of categories (None: no category actions).
    bulk_category_field = None
    #: The tag field (None: no tag actions).
    bulk_tag_field = None
    #: The related name of the ordered author rows (a person and an order each), e.g.
    #: "authorships"; True means "authorships"; None: no author actions.
    bulk_author = None
    #: What one of those rows is called in the actions, e.g. "author" or "speaker".
    bulk_author_label = "author"
    #: Offer "Export the selected items as CSV".
    bulk_csv = True

    bulk_template = "admin/editorial/bulk/form.html"

    # Which actions -----------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        for name in self.bulk_action_names(request):
            function = getattr(type(self), name)
            description = function.short_description
            if name in ("bulk_add_author", "bulk_remove_author"):
                description = description.replace("an author", _a(self.bulk_author_label))
            actions[name] = (function, name, description)
        return actions

    def bulk_action_names(self, request):
        names = []
        if self.has_change_permission(request):
            if self.bulk_category_field:
                names += ["bulk_add_category", "bulk_remove_category"]
            if self.bulk_tag_field:
                names += ["bulk_add_tag", "bulk_remove_tag"]
            if self.bulk_author:
                names += ["bulk_add_author", "bulk_remove_author"]
        if self.bulk_csv and self.has_view_or_change_permission(request):
            names.append("export_csv")
        return names

    def _author_relation(self):
        name = "authorships" if self.bulk_author is True else self.bulk_author
        relation = self.model._meta.get_field(name)
        return name, relation.related_model, relation.field.name

    # Categories ----------------------------------------------------------------------------

    def bulk_add_category(self, request, queryset):
        field = self.model._meta.get_field(self.bulk_category_field)
        label = str(field.related_model._meta.verbose_name)

        def apply(category):
            def change(obj):
                related = getattr(obj, field.name)
                if related.filter(pk=category.pk).exists():
                    return False
                related.add(category)
                return True

            return change, f"Added {label} “{category}” (bulk)", f"Added {label} “{category}” to"

        return self._bulk_choose(
            request,
            queryset,
            title=f"Add a {label} to the selected items",
            label=label,
            choices=field.related_model._default_manager.all(),
            empty_message=f"Choose the {label} to add.",
            apply=apply,
        )

    bulk_add_category.short_description = "Add a category to the selected items"

    def bulk_remove_category(self, request, queryset):
        field = self.model._meta.get_field(self.bulk_category_field)
        label = str(field.related_model._meta.verbose_name)
        used = field.related_model._default_manager.filter(
            **{f"{field.related_query_name()}__in": queryset.values("pk")}
        ).distinct()

        def apply(category):
            def change(obj):
                related = getattr(obj, field.name)
                if not related.filter(pk=category.pk).exists():
                    return False
                related.remove(category)
                return True

            return (
                change,
                f"Removed {label} “{category}” (bulk)",
                f"Removed {label} “{category}” from",
            )

        return self._bulk_choose(
            request,
            queryset,
            title=f"Remove a {label} from the selected items",
            label=label,
            choices=used,
            empty_message=f"Choose the {label} to remove.",
            apply=apply,
        )

    bulk_remove_category.short_description = "Remove a category from the selected items"

    # Tags ----------------------------------------------------------------------------------

    def bulk_add_tag(self, request, queryset):
        field = self.model._meta.get_field(self.bulk_tag_field)
        tag_model = field.remote_field.model
        form_args = {
            "tags": tag_model.objects.all(),
            "may_add": may_add_tags(request.user, tag_model),
        }
        if "apply" in request.POST:
            form = TagForm(request.POST, **form_args)
            if form.is_valid():
                name = form.cleaned_data["name"]
                tag = form.tag

                def change(obj):
                    nonlocal tag
                    if tag is None:
                        tag = tag_model.objects.create(name=name)
                    manager = getattr(obj, field.name)
                    if manager.filter(pk=tag.pk).exists():
                        return False
                    manager.add(tag)
                    return True

                shown = tag.name if tag else name
                return self._bulk_apply(
                    request,
                    queryset,
                    change,
                    comment=f"Added tag “{shown}” (bulk)",
                    done=f"Added tag “{shown}” to",
                )
        else:
            form = TagForm(**form_args)
        return self._bulk_page(request, queryset, form, "Add a tag to the selected items")

    bulk_add_tag.short_description = "Add a tag to the selected items"

    def bulk_remove_tag(self, request, queryset):
        field = self.model._meta.get_field(self.bulk_tag_field)
        tag_model = field.remote_field.model
        used = tag_model.objects.filter(
            **{f"{field.related_query_name()}__in": queryset.values("pk")}
        ).distinct()

        def apply(tag):
            def change(obj):
                manager = getattr(obj, field.name)
                if not manager.filter(pk=tag.pk).exists():
                    return False
                manager.remove(tag)
                return True

            return change, f"Removed tag “{tag}” (bulk)", f"Removed tag “{tag}” from"

        return self._bulk_choose(
            request,
            queryset,
            title="Remove a tag from the selected items",
            label="tag",
            choices=used.order_by("name"),
            empty_message="Choose the tag to remove.",
            apply=apply,
        )

    bulk_remove_tag.short_description = "Remove a tag from the selected items"

    # Authors -------------------------------------------------------------------------------

    def bulk_add_author(self, request, queryset):
        name, row_model, item_field = self._author_relation()
        person_model = row_model._meta.get_field("person").related_model
        label = self.bulk_author_label

        def apply(person):
            def change(obj):
                rows = getattr(obj, name)
                if rows.filter(person=person).exists():
                    return False
                last = rows.aggregate(last=Max("order"))["last"]
                row = row_model(**{item_field: obj, "person": person})
                row.order = 0 if last is None else last + 1
                row.save()
                return True

            return change, f"Added {label} {person} (bulk)", f"Added {label} {person} to"

        return self._bulk_choose(
            request,
            queryset,
            title=f"Add {_a(label)} to the selected items",
            label=label,
            choices=person_model._default_manager.all(),
            empty_message=f"Choose the person to add as {label}.",
            apply=apply,
            help_text=f"A member of staff, added as the last {label} of each item.",
        )

    bulk_add_author.short_description = "Add an author to the selected items"

    def bulk_remove_author(self, request, queryset):
        name, row_model, item_field = self._author_relation()
        person_model = row_model._meta.get_field("person").related_model
        label = self.bulk_author_label
        used = person_model._default_manager.filter(
            pk__in=row_model._default_manager.filter(
                **{f"{item_field}__in": queryset.values("pk")}
            ).values("person")
        )

        def apply(person):
            def change(obj):
                deleted, _ = getattr(obj, name).filter(person=person).delete()
                return bool(deleted)

            return change, f"Removed {label} {person} (bulk)", f"Removed {label} {person} from"

        return self._bulk_choose(
            request,
            queryset,
            title=f"Remove {_a(label)} from the selected items",
            label=label,
            choices=used,
            empty_message=f"Choose the {label} to remove.",
            apply=apply,
        )

    bulk_remove_author.short_description = "Remove an author from the selected items"

    # The machinery -------------------------------------------------------------------------

    def _bulk_choose(
        self, request, queryset, *, title, label, choices, empty_message, apply, help_text=""
    ):
        """The confirmation page choosing one thing, then the change with it."""
        form_args = {
            "queryset": choices,
            "label": capfirst(label),
            "empty_message": empty_message,
            "label_from_instance": self._choice_label(choices.model),
        }
        if "apply" in request.POST:
            form = ChooseForm(request.POST, **form_args)
            if form.is_valid():
                change, comment, done = apply(form.cleaned_data["choice"])
                return self._bulk_apply(request, queryset, change, comment=comment, done=done)
        else:
            form = ChooseForm(**form_args)
        if help_text:
            form.fields["choice"].help_text = help_text
        return self._bulk_page(request, queryset, form, title)

    def _choice_label(self, model):
        """How items of ``model`` are named where one is chosen: as its own admin names them
        (its ``choice_label(item)``, e.g. a category with its parents), else by their names."""
        return getattr(self.admin_site._registry.get(model), "choice_label", str)

    def _bulk_page(self, request, queryset, form, title):
        opts = self.model._meta
        count = queryset.count()
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": opts,
            "form": form,
            "items": queryset[:LISTED_ITEMS],
            "count": count,
            "more": max(0, count - LISTED_ITEMS),
            "action": request.POST.get("action", ""),
            "select_across": request.POST.get("select_across", "0"),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.bulk_template, context)

    def _bulk_apply(self, request, queryset, change, *, comment, done):
        """Apply ``change(item) -> changed?`` to every selected item the user may change, in
        one transaction, then say what happened.

        Each item changed gets a revision of its own (with the user and the comment), so that
        restoring one of them later never touches the others."""
        changed = unchanged = 0
        skipped = []
        with transaction.atomic():
            for obj in queryset.order_by("pk"):
                if not self.has_change_permission(request, obj):
                    skipped.append(obj)
                    continue
                with separate_revision(request.user, comment):
                    done_here = change(obj)
                    if done_here and reversion.is_registered(type(obj)):
                        reversion.add_to_revision(obj)
                if done_here:
                    changed += 1
                else:
                    unchanged += 1
        plural = "item" if changed == 1 else "items"
        self.message_user(
            request,
            f"{done} {changed} {plural}.",
            messages.SUCCESS if changed else messages.WARNING,
        )
        if unchanged:
            self.message_user(
                request,
                f"{unchanged} of the selected items needed no change.",
                messages.INFO,
            )
        if skipped:
            names = ", ".join(f"“{obj}”" for obj in skipped[:LISTED_ITEMS])
            if len(skipped) > LISTED_ITEMS:
                names += f" and {len(skipped) - LISTED_ITEMS} more"
            self.message_user(
                request,
                f"Skipped {len(skipped)} item(s) you may not change: {names}.",
                messages.WARNING,
            )
        return None
