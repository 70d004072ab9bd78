"""Changing many items at once from an admin list, and exporting a list as a spreadsheet.

``BulkEditMixin`` adds actions to an admin list: add or remove a category, a tag or an author
on all the selected items, and export them as a CSV file (opens in Excel). Each change asks
what to add or remove on a page of its own, then applies to every selected item in one go,
skipping (and naming) the items the user may not change. Every change is kept in the items'
history with who made it, so it can be undone.

Turn the actions on per admin with class attributes, e.g. for publications::

    bulk_category_field = "categories"
    bulk_tag_field = "tags"
    bulk_author = "authorships"
"""

import csv
import io

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import capfirst, slugify

from core.text import single_line

from .tagging import may_add_tags
from .versioning import separate_revision

#: A cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: How many of the selected items the confirmation page names.
LISTED_ITEMS = 20
TAG_MAX_LENGTH = 100


# Forms of the confirmation pages ---------------------------------------------------------


class ChooseForm(forms.Form):
    """Choose one existing thing (a category, a tag, a person) among ``queryset``."""

    def __init__(self, *args, queryset, label, empty_message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"] = forms.ModelChoiceField(
            queryset=queryset,
            label=label,
            error_messages={
                "required": empty_message,
                "invalid_choice": "That choice is not available; choose one from the list.",
            },
        )


class TagForm(forms.Form):
    """Type the tag to add; an existing tag of the same name (in any capitals) is reused.

    Someone who may not add tags (a contributor) may only type an existing one: the list of
    tags is the editors' to keep tidy.
    """

    name = forms.CharField(
        label="Tag",
        max_length=TAG_MAX_LENGTH,
        help_text="One tag, e.g. “ASEAN”. If the tag exists already (whatever its capitals), "
        "that tag is used.",
        error_messages={"required": "Type the tag to add."},
    )

    def __init__(self, *args, tags, may_add, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags, self.may_add, self.tag = tags, may_add, None

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Type the tag to add.")
        if "," in name or '"' in name:
            raise forms.ValidationError("Add one tag at a time, without commas or quotes.")
        self.tag = self.tags.filter(name__iexact=name).order_by("pk").first()
        if self.tag is None and not self.may_add:
            raise forms.ValidationError(
                f"There is no tag “{name}”. Type an existing tag: only editors add new ones."
            )
        return name


# CSV columns -------------------------------------------------------------------------------


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _names(items):
    return "; ".join(str(item) for item in items)


def _url(obj, request):
    return request.build_absolute_uri(obj.get_absolute_url())


#: For each kind of item: the columns of its CSV export, as (heading, value of an item).
CSV_COLUMNS = {
    "publications.publication": [
        ("Code", lambda o, r: o.code or ""),
        ("Title", lambda o, r: o.title),
        ("Series", lambda o, r: o.series.name),
        ("Status", lambda o, r: o.get_status_display()),
        ("Publication date", lambda o, r: o.publication_date or ""),
        ("Published at", lambda o, r: _local(o.published_at)),
        ("Authors", lambda o, r: _names(a.display_name for a in o.authorships.all())),
        ("Categories", lambda o, r: _names(o.categories.all())),
        ("Tags", lambda o, r: _names(sorted(t.name for t in o.tags.all()))),
        ("URL", _url),
    ],
    "events.event": [
        ("Title", lambda o, r: o.title),
        ("Kind", lambda o, r: o.get_kind_display()),
        ("Status", lambda o, r: o.get_status_display()),
        ("Starts", lambda o, r: _local(o.start)),
        ("Ends", lambda o, r: _local(o.end)),
        ("Venue", lambda o, r: o.venue),
        ("Online link", lambda o, r: o.online_url),
        ("Organising centre", lambda o, r: o.centre or ""),
        ("Speakers", lambda o, r: _names(s.display_name for s in o.speakers.all())),
        ("URL", _url),
    ],
    "newsroom.mediaitem": [
        ("Title", lambda o, r: o.title),
        ("Kind", lambda o, r: o.get_kind_display()),
        ("Date", lambda o, r: o.date),
        ("Outlet", lambda o, r: o.outlet),
        ("Original title", lambda o, r: o.original_title),
        ("Link", lambda o, r: o.url),
        ("Published", lambda o, r: "yes" if o.published else "no"),
        ("People", lambda o, r: _names(p.name for p in o.people.all())),
        ("URL", _url),
    ],
}
#: What to load with the items so that the export makes a fixed number of queries.
CSV_RELATED = {
    "publications.publication": (["series"], ["authorships__person", "categories", "tags"]),
    "events.event": (["centre"], ["speakers__person"]),
    "newsroom.mediaitem": ([], ["people"]),
}
_DEFAULT_COLUMNS = [("ID", lambda o, r: o.pk), ("Item", lambda o, r: str(o))]


def _a(noun):
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def safe_cell(value):
    """``value`` as text on one line, made harmless for spreadsheets: a cell that would start a
    formula (=, +, -, @) is prefixed with a quote, so it shows as typed and is never run."""
    text = "" if value is None else single_line(str(value))
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


# The mixin ---------------------------------------------------------------------------------


class BulkEditMixin:
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
    #: The export's columns, as (heading, function of the item and the request); by default
    #: the columns given for the model in CSV_COLUMNS.
    csv_columns = None

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

    # CSV export ----------------------------------------------------------------------------

    def export_csv(self, request, queryset):
        label = self.model._meta.label_lower
        columns = self.csv_columns or CSV_COLUMNS.get(label, _DEFAULT_COLUMNS)
        select, prefetch = CSV_RELATED.get(label, ([], []))
        if self.csv_columns is None:
            queryset = queryset.select_related(*select).prefetch_related(*prefetch)
        buffer = io.StringIO()
        buffer.write("\ufeff")  # lets Excel read accents and curly quotes correctly
        writer = csv.writer(buffer)
        writer.writerow([safe_cell(heading) for heading, _ in columns])
        for obj in queryset.iterator(chunk_size=500):
            writer.writerow([safe_cell(value(obj, request)) for _, value in columns])
        name = slugify(self.model._meta.verbose_name_plural) or "items"
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        filename = f"{name}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    export_csv.short_description = "Export the selected items as CSV"

    # The machinery -------------------------------------------------------------------------

    def _bulk_choose(
        self, request, queryset, *, title, label, choices, empty_message, apply, help_text=""
    ):
        """The confirmation page choosing one thing, then the change with it."""
        form_args = {"queryset": choices, "label": capfirst(label), "empty_message": empty_message}
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
