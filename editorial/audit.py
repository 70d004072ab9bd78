"""The "Activity" list of the back office: who changed what, and when, newest first.

Each line is one save (or deletion, restore, drag-and-drop move) made in the admin, with the
items it touched linked to their history; or one thing done to an item without changing it: a
share link made or withdrawn, a step of its review (submitted, commented, sent back,
approved). It can only be read: nobody edits the record of what was done. Editors and
Administrators see it (the "Can view revision" permission).
"""

from collections import defaultdict

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from reversion.models import Revision, Version

from .compare import compare_urls
from .times import local_time
from .versioning import EVENT_RECORDS


class ActivityChangeList(ChangeList):
    """Works out, once per page, which of the listed items still exist (one query per kind of
    item on the page, whatever the number of lines)."""

    def get_results(self, request):
        super().get_results(request)
        describe_revisions(self.result_list, self.model_admin.admin_site)


def describe_revisions(revisions, admin_site):
    """Give each revision ``activity``: the items it holds that have an admin page, each as
    ``(label, url, deleted)``, and ``activity_others``: how many rows were saved with them.

    A revision of a share link or of a step of a review (``EVENT_RECORDS``) shows the item
    the link or the review is about."""
    events = _event_items(revisions)
    ids_by_model = defaultdict(set)
    for revision in revisions:
        for version in revision.version_set.all():
            model = ContentType.objects.get_for_id(version.content_type_id).model_class()
            if model in admin_site._registry and model not in EVENT_RECORDS:
                ids_by_model[model].add(version.object_id)
    existing = {}
    for model, ids in ids_by_model.items():
        valid = [pk for pk in (_as_pk(model, value) for value in ids) if pk is not None]
        found = model._base_manager.filter(pk__in=valid).values_list("pk", flat=True)
        existing[model] = {str(pk) for pk in found}
    for revision in revisions:
        items, others = [], 0
        for version in revision.version_set.all():
            model = ContentType.objects.get_for_id(version.content_type_id).model_class()
            if model in EVENT_RECORDS:
                items.append(_event_line(model, version, events, admin_site))
                continue
            if model not in existing:
                others += 1
                continue
            deleted = version.object_id not in existing[model]
            items.append((_label(model, version), _item_url(model, version, deleted), deleted))
        revision.activity = items
        revision.activity_others = others


def _event_items(revisions):
    """``{(record model, record id): item or None}`` for the share links and review steps
    stored in ``revisions``: one query per kind of record and one per kind of item."""
    record_ids = defaultdict(set)
    for revision in revisions:
        for version in revision.version_set.all():
            model = ContentType.objects.get_for_id(version.content_type_id).model_class()
            if model in EVENT_RECORDS:
                record_ids[model].add(_as_pk(model, version.object_id))
    item_of, item_ids = {}, defaultdict(set)
    for model, ids in record_ids.items():
        found = model._base_manager.filter(pk__in=ids - {None})
        for pk, content_type_id, object_id in found.values_list(
            "pk", "content_type_id", "object_id"
        ):
            item_of[(model, str(pk))] = (content_type_id, object_id)
            item_ids[content_type_id].add(object_id)
    items = {}
    for content_type_id, ids in item_ids.items():
        item_model = ContentType.objects.get_for_id(content_type_id).model_class()
        if item_model is not None:
            for item in item_model._base_manager.filter(pk__in=ids):
                items[(content_type_id, item.pk)] = item
    return {key: (target, items.get(target)) for key, target in item_of.items()}


def _event_line(model, version, events, admin_site):
    """``(label, url, deleted)`` of the item a share link or a review step is about."""
    found = events.get((model, version.object_id))
    if found is None:  # the record itself was deleted
        return (_label(model, version), None, True)
    (content_type_id, object_id), item = found
    item_model = ContentType.objects.get_for_id(content_type_id).model_class()
    if item is None:
        name = item_model._meta.verbose_name.capitalize() if item_model else "Item"
        return (f"{name} number {object_id}", None, True)
    opts = item_model._meta
    url = None
    if item_model in admin_site._registry:
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[item.pk])
        except NoReverseMatch:
            url = None
    return (f"{opts.verbose_name.capitalize()}: {item}", url, False)


def _as_pk(model, value):
    """``value`` as the model's key, or None if it cannot be one (then it matches nothing)."""
    try:
        return model._meta.pk.to_python(value)
    except ValidationError:
        return None


def _label(model, version):
    return f"{model._meta.verbose_name.capitalize()}: {version.object_repr}"


def _item_url(model, version, deleted):
    """The item's history page, or for a deleted item the page that recovers it."""
    opts = model._meta
    try:
        if deleted:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[version.pk])
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(version.object_id)]
        )
    except NoReverseMatch:
        return None


class ActivityAdmin(admin.ModelAdmin):
    """Read-only list of every change made in the admin."""

    list_display = ["when", "who", "what", "comment"]
    list_display_links = None
    list_filter = [
        ("user", admin.RelatedOnlyFieldListFilter),
        ("date_created", admin.DateFieldListFilter),
    ]
    search_fields = ["version__object_repr", "comment"]
    search_help_text = "Search by the name of an item (e.g. a title) or by the note of a change."
    ordering = ["-date_created", "-pk"]
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        versions = Version.objects.only(
            "pk", "revision_id", "content_type_id", "object_id", "object_repr"
        ).order_by("pk")
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .prefetch_related(Prefetch("version_set", queryset=versions))
        )

    def get_changelist(self, request, **kwargs):
        return ActivityChangeList

    def get_urls(self):
        return compare_urls(self.admin_site) + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        context = {"title": "Activity: who changed what", **(extra_context or {})}
        return super().changelist_view(request, context)

    # Nobody writes or removes the record of what was done.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="When", ordering="date_created")
    def when(self, revision):
        return local_time(revision.date_created)

    @admin.display(description="Who", ordering="user__username")
    def who(self, revision):
        user = revision.user
        if user is None:
            return "—"
        full_name = user.get_full_name()
        return f"{full_name} ({user.get_username()})" if full_name else user.get_username()

    @admin.display(description="What")
    def what(self, revision):
        items = getattr(revision, "activity", None)
        if items is None:  # outside the list (e.g. the read-only page of one revision)
            describe_revisions([revision], self.admin_site)
            items = revision.activity
        parts = format_html_join(
            mark_safe("<br>"),
            "{}",
            ((_item_html(label, url, deleted),) for label, url, deleted in items),
        )
        others = revision.activity_others
        if others:
            more = f"with {others} linked row{'s' if others != 1 else ''} (authors, tags…)"
            if not items:
                more = f"{others} linked row{'s' if others != 1 else ''}"
            return format_html("{}<br><small>{}</small>", parts, more) if items else more
        return parts

    @admin.display(description="Note")
    def comment(self, revision):
        return revision.get_comment() or "—"


def _item_html(label, url, deleted):
    suffix = " (deleted)" if deleted else ""
    if url is None:
        return format_html("{}{}", label, suffix)
    return format_html('<a href="{}">{}</a>{}', url, label, suffix)


def register(site=None):
    """Put the Activity list in the admin (once)."""
    site = site or admin.site
    if not site.is_registered(Revision):
        site.register(Revision, ActivityAdmin)
