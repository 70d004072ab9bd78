"""The base of every admin page for publishable content (publications, events, media items).

Contributors write drafts and send them for review; only holders of the model's publish
permission (editors) may make an item public, change or delete a public item, or use the
publishing actions. What a contributor may not do is not offered to them, and a forged request
that tries it anyway is refused with 403.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import format_html

from .roles import PUBLISHABLE
from .versioning import HistoryAdmin

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


class EditorialAdmin(HistoryAdmin):
    """Admin of a publishable model: roles enforced, history kept, state shown as a badge."""

    # Preview, "View on site" and share links for reviewers on the item's page.
    change_form_template = "admin/editorial/change_form.html"

    #: The field that makes an item public: a status choice, or a "published" box.
    state_field = "status"

    # Permissions -------------------------------------------------------------------------

    def publish_permission(self):
        return PUBLISHABLE[self.opts.label_lower]

    def has_publish_permission(self, request):
        """Whether the user may make items public (used by actions with permissions=["publish"])."""
        return request.user.has_perm(self.publish_permission())

    def is_released(self, obj):
        """Whether ``obj`` has left the contributors' hands (public, scheduled or withdrawn)."""
        value = getattr(obj, self.state_field)
        return bool(value) if self.state_field == "published" else value not in CONTRIBUTOR_STATUSES

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or self.has_publish_permission(request):
            return allowed
        return not self.is_released(obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or self.has_publish_permission(request):
            return allowed
        return not self.is_released(obj)

    def _requests_release(self, request):
        """Whether a submitted form asks to make the item public (or scheduled, withdrawn)."""
        if self.state_field == "published":
            return request.POST.get("published") in {"on", "true", "True", "1"}
        value = request.POST.get(self.state_field)
        return value is not None and value not in CONTRIBUTOR_STATUSES

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if (
            request.method == "POST"
            and not self.has_publish_permission(request)
            and self._requests_release(request)
        ):
            raise PermissionDenied("Only editors may publish, schedule or withdraw items.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    # Forms -------------------------------------------------------------------------------

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == self.state_field and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (value, label) for value, label in db_field.choices if value in CONTRIBUTOR_STATUSES
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.state_field == "published" and not self.has_publish_permission(request):
            fields.append("published")
        return fields

    def save_model(self, request, obj, form, change):
        if not change and hasattr(obj, "created_by_id") and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    # Lists -------------------------------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def status_badge(self, obj):
        return status_badge(obj)


# The share links' admin, and the tag admin (with merging) in place of taggit's.
from . import admin_sharing, tags  # noqa: E402,F401
