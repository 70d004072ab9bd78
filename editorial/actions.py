"""Admin list actions: only those offered to the user may be run."""

from django.core.exceptions import PermissionDenied


class OfferedActionsOnly:
    """ModelAdmin mixin: a list action the user is not offered is refused with 403.

    Django itself would only answer "no action selected", so a forged request for a hidden
    action (publish, delete, merge...) would look like a harmless mistake.
    """

    def changelist_view(self, request, extra_context=None):
        action = request.POST.get("action") if request.method == "POST" else None
        if action and action not in self.get_actions(request):
            raise PermissionDenied("This action is not available to you.")
        return super().changelist_view(request, extra_context)
