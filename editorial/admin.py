"""The base of every admin page for publishable content (registered as publishable).

Contributors write drafts and send them for review; only holders of the model's publish
permission (editors) may make an item public, change or delete a public item, or use the
publishing actions. A contributor works only on their own drafts and those shared with them
(``editorial.ownership``): other people's drafts are not listed for them, and opening, saving,
restoring, previewing or acting on one is refused. What a contributor may not do is not offered
to them, and a forged request that tries it anyway is refused with 403.
"""

from django.contrib import admin
from django.contrib.admin import helpers, widgets
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from taggit.managers import TaggableManager

from . import ownership, tagging
from .corrections import CorrectionsMixin
from .history_admin import HistoryAdmin
from .live_preview import LivePreviewMixin
from .publishing import PublishingMixin
from .registry import PUBLISHABLE
from .restore import state_before_restore

#: Statuses a contributor may give an item; every other one is an editor's decision.
CONTRIBUTOR_STATUSES = ("draft", "review")


def status_badge(obj):
    """A coloured label of the item's state; for a scheduled item, when it goes out (SGT)."""
    if hasattr(obj, "status"):
        state, label = obj.status, obj.get_status_display()
    else:
        state, label = ("published", "Published") if obj.published else ("draft", "Draft")
    published_at = getattr(obj, "published_at", None)
    if state == "scheduled" and published_at:
        label = f"{label} for {timezone.localtime(published_at):%d %b %Y %H:%M} SGT"
    return format_html('<span class="status status--{}">{}</span>', state, label)


class EditorialAdmin(LivePreviewMixin, CorrectionsMixin, PublishingMixin, HistoryAdmin):
    """Admin of a publishable model: roles enforced, history kept, state shown as a badge,
    publishing done with buttons (``editorial.publishing``)."""

    # Preview, "View on site" and share links for reviewers on the item's page.
    change_form_template = "admin/editorial/change_form.html"

    # Permissions -------------------------------------------------------------------------

    def publish_permission(self):
        return PUBLISHABLE[self.opts.label_lower]

    def has_publish_permission(self, request):
        """Whether the user may make items public (used by actions with permissions=["publish"])."""
        return request.user.has_perm(self.publish_permission())

    def is_released(self, obj):
        """Whether ``obj`` has left the contributors' hands (public, scheduled or withdrawn)."""
        return obj.status not in CONTRIBUTOR_STATUSES

    def released(self):
        """``Q`` of the items that have left the contributors' hands."""
        return ~Q(status__in=CONTRIBUTOR_STATUSES)

    def is_others_draft(self, request, obj):
        """Whether ``obj`` is a draft that is neither the user's nor shared with them (and
        the user is not an editor): theirs to leave alone."""
        return (
            not self.has_publish_permission(request)
            and not self.is_released(obj)
            and not ownership.works_on(request.user, obj)
        )

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or not self.is_others_draft(request, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or self.has_publish_permission(request):
            return allowed
        return not self.is_released(obj) and ownership.works_on(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or self.has_publish_permission(request):
            return allowed
        return not self.is_released(obj) and ownership.works_on(request.user, obj)

    def may_restore_links(self, request):
        """Only editors put back the features and links of other items with a recovery."""
        return self.has_publish_permission(request)

    def may_share_with_colleagues(self, request, obj):
        """The author and the editors choose who else may edit a draft (its co-editors)."""
        return (
            obj is None
            or self.has_publish_permission(request)
            or ownership.is_author(request.user, obj)
        )

    # Tags ------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        """For someone who may not add tags (a contributor), the form's tag boxes take only
        existing tags, as the bulk "Add a tag" action does."""
        form_class = super().get_form(request, obj, change=change, **kwargs)
        closed = [
            field
            for field in self.model._meta.get_fields()
            if isinstance(field, TaggableManager)
            and field.name in form_class.base_fields
            and not tagging.may_add_tags(request.user, field.remote_field.model)
        ]
        if not closed:
            return form_class

        class ExistingTagsForm(form_class):
            def clean(self):
                cleaned = super().clean()
                for field in closed:
                    names = cleaned.get(field.name)
                    if not names:
                        continue
                    known, unknown = tagging.existing_tags(field.remote_field.model, names)
                    if unknown:
                        missing = ", ".join(f"“{name}”" for name in unknown)
                        self.add_error(
                            field.name,
                            f"There is no tag {missing}. Choose existing tags: only editors "
                            "add new ones.",
                        )
                    else:
                        cleaned[field.name] = known
                return cleaned

        ExistingTagsForm.__name__ = form_class.__name__
        return ExistingTagsForm

    # Whose items are listed ------------------------------------------------------------

    def get_queryset(self, request):
        """Everything for editors; for a contributor, what has gone out (read-only) and their
        own and shared drafts, never other people's drafts."""
        queryset = super().get_queryset(request)
        if self.has_publish_permission(request):
            return queryset
        return queryset.filter(self.released() | ownership.worked_on_by(request.user, self.model))

    def get_object(self, request, object_id, from_field=None):
        """The item of the address; someone else's draft is refused (403), not reported as
        missing, so that the contributor knows it exists but is not theirs."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self._exists(object_id, from_field):
            raise PermissionDenied("This draft is someone else's.")
        return obj

    def _exists(self, object_id, from_field=None):
        opts = self.model._meta
        field = opts.pk if from_field is None else opts.get_field(from_field)
        try:
            value = field.to_python(object_id)
        except ValidationError:
            return False
        return self.model._default_manager.filter(**{field.attname: value}).exists()

    def changelist_view(self, request, extra_context=None):
        """A list action naming someone else's draft is refused (403), not silently narrowed
        to the user's items."""
        if request.method == "POST" and request.POST.get("action"):
            selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            if selected and not self.has_publish_permission(request):
                listed = self.get_queryset(request).filter(pk__in=selected)
                if listed.count() < self.model._default_manager.filter(pk__in=selected).count():
                    raise PermissionDenied("The selection holds drafts that are not yours.")
        return super().changelist_view(request, extra_context)

    # Forms -------------------------------------------------------------------------------

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "co_editors":
            kwargs["queryset"] = (
                get_user_model()
                ._default_manager.filter(is_staff=True, is_active=True)
                .order_by("first_name", "last_name", "username")
            )
            kwargs["widget"] = widgets.FilteredSelectMultiple("co-editors", is_stacked=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.may_share_with_colleagues(request, obj):
            fields.append("co_editors")
        if obj is not None and state_before_restore(request, obj) == (True, None):
            fields.append("status")  # a recovered item is saved as a draft
        return fields

    def prepare_recovery(self, obj):
        """A deleted item comes back as a draft, whatever it was: an editor looks at it again
        and publishes it (a publication keeps its series code)."""
        obj.status = "draft"
        return " as a draft"

    def save_model(self, request, obj, form, change):
        if not change and hasattr(obj, "created_by_id") and obj.created_by_id is None:
            obj.created_by = request.user
        self.save_item(request, obj)

    def save_item(self, request, obj):
        """Write the item of the form, once. An app whose items need more when their state
        changes (a code, dates) calls its service for that here, in one call."""
        obj.save()

    def save_related(self, request, form, formsets, change):
        """Tags left as they were are not written again: taggit would announce a change that
        did not happen (a search re-index, a new content generation)."""
        if change:
            for field in self.model._meta.get_fields():
                if isinstance(field, TaggableManager) and field.name not in form.changed_data:
                    form.cleaned_data.pop(field.name, None)
        super().save_related(request, form, formsets, change)

    # Lists -------------------------------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def status_badge(self, obj):
        return status_badge(obj)


# The share links' admin.
from . import admin_sharing  # noqa: E402,F401
