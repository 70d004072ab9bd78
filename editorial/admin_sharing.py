"""Share links in the admin: the list of links, making one for an item, withdrawing them.

A link is made from the item's own admin page ("Share with a reviewer"), never from a blank
form, so that it always points to an item the editor may change.
"""

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import sharing
from .models import DEFAULT_DAYS, MAX_DAYS, ShareLink
from .templatetags.editorial_admin import copyable_address
from .times import local_time

#: Longest item number accepted in an address (larger ones cannot exist).
MAX_PK_DIGITS = 18
STATE_BADGES = {
    ShareLink.State.ACTIVE: "published",
    ShareLink.State.EXPIRED: "draft",
    ShareLink.State.REVOKED: "withdrawn",
}


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label="Works for (days)",
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=f"From 1 to {MAX_DAYS} days. You can withdraw the link at any time before.",
    )
    note = forms.CharField(
        label="For",
        max_length=ShareLink._meta.get_field("note").max_length,
        help_text=ShareLink._meta.get_field("note").help_text,
    )


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return ShareLink.State.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == ShareLink.State.ACTIVE:
            return queryset.active(now)
        if self.value() == ShareLink.State.EXPIRED:
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        if self.value() == ShareLink.State.REVOKED:
            return queryset.filter(revoked_at__isnull=False)
        return queryset


def item_admin_url(link):
    """The admin page of the link's item, or None."""
    try:
        return reverse(
            f"admin:{link.content_type.app_label}_{link.content_type.model}_change",
            args=[link.object_id],
        )
    except NoReverseMatch:
        return None


def state_badge(link, now=None):
    state = link.state(now)
    return format_html(
        '<span class="status status--{}">{}</span>', STATE_BADGES[state], state.label
    )


def copy_field(request, link):
    """The full address to send, shown whole, with a button that copies it; nothing once the
    link no longer works."""
    if not link.is_active():
        return "—"
    return copyable_address(request.build_absolute_uri(link.get_absolute_url()), link.pk)


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["item_link", "note", "created_by", "expires", "state", "use_count"]
    list_filter = [StateFilter, ("content_type", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["note", "created_by__username", "created_by__first_name"]
    date_hierarchy = "created_at"
    actions = ["revoke_selected"]
    fields = [
        "item_link",
        "note",
        "state",
        "created_by",
        "created",
        "expires",
        "withdrawn",
        "revoked_by",
        "use_count",
        "last_opened",
    ]
    readonly_fields = [f for f in fields if f != "note"]

    class Media:
        js = ["editorial/copy-link.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("content_type", "created_by", "revoked_by")
            .prefetch_related("item")
        )

    def get_list_display(self, request):
        @admin.display(description="Link to send")
        def address(link):
            return copy_field(request, link)

        return [*super().get_list_display(request), address]

    def has_add_permission(self, request):
        # Links are made from the item's page, where the item is chosen.
        return False

    # Columns and fields ----------------------------------------------------------------------

    @admin.display(description="Item")
    def item_link(self, link):
        item = link.item
        if item is None:
            return "(deleted item)"
        url = item_admin_url(link)
        label = f"{item._meta.verbose_name.capitalize()}: {item}"
        return format_html('<a href="{}">{}</a>', url, label) if url else label

    @admin.display(description="State")
    def state(self, link):
        return state_badge(link)

    # Times, in one format and in Singapore time ("3 Dec 2026, 14:05").

    @admin.display(description="Made", ordering="created_at")
    def created(self, link):
        return local_time(link.created_at) or "—"

    @admin.display(description="Expires", ordering="expires_at")
    def expires(self, link):
        return local_time(link.expires_at) or "—"

    @admin.display(description="Withdrawn", ordering="revoked_at")
    def withdrawn(self, link):
        return local_time(link.revoked_at) or "—"

    @admin.display(description="Last opened", ordering="last_used_at")
    def last_opened(self, link):
        return local_time(link.last_used_at) or "—"

    # Withdrawing -------------------------------------------------------------------------------

    @admin.action(description="Withdraw the selected links", permissions=["change"])
    def revoke_selected(self, request, queryset):
        withdrawn = list(queryset.filter(revoked_at__isnull=True))
        ShareLink.objects.filter(pk__in=[link.pk for link in withdrawn]).revoke(request.user)
        for link in withdrawn:
            self.log_change(request, link, "Withdrawn.")
        self.message_user(request, f"{len(withdrawn)} link(s) withdrawn; they no longer work.")

    # Views ----------------------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "new/<str:app_label>/<str:model_name>/<str:pk>/",
                self.admin_site.admin_view(self.create_view),
                name="{}_{}_new".format(*info),
            ),
            path(
                "<str:pk>/revoke/",
                self.admin_site.admin_view(require_POST(self.revoke_view)),
                name="{}_{}_revoke".format(*info),
            ),
            *super().get_urls(),
        ]

    def create_view(self, request, app_label, model_name, pk):
        """A small form (days, for whom) that makes a link to one item and then shows it."""
        if not self.has_create_permission(request):
            raise PermissionDenied("Only editors may share items with reviewers.")
        label = f"{app_label}.{model_name}"
        if label not in sharing.PAGES:
            raise Http404("This kind of item cannot be shared.")
        model = apps.get_model(label)
        item = model._default_manager.filter(pk=_number(pk)).first()
        if item is None:
            raise Http404("There is no such item.")
        if not self.may_change_item(request, item):
            raise PermissionDenied("You may not share this item.")
        if not sharing.is_shareable(item):
            raise Http404("This item has no page of its own, so there is nothing to preview.")
        form = ShareLinkForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            link = sharing.share_link_create(
                item=item,
                user=request.user,
                days=form.cleaned_data["days"],
                note=form.cleaned_data["note"],
            )
            self.log_addition(request, link, [{"added": {}}])
            self.message_user(
                request,
                "Share link made. Copy the address below and send it to the reviewer.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:editorial_sharelink_change", args=[link.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "item": item,
            "item_opts": item._meta,
            "item_admin_url": _item_change_url(item),
            "form": form,
            "title": f"Share “{item}” with a reviewer",
            "active_links": ShareLink.objects.for_item(item).active().select_related("created_by"),
        }
        return TemplateResponse(request, "admin/editorial/sharelink/create.html", context)

    def revoke_view(self, request, pk):
        """Withdraw one link (a button on its page and on its item's page)."""
        if not self.has_change_permission(request):
            raise PermissionDenied("Only editors may withdraw share links.")
        link = ShareLink.objects.filter(pk=_number(pk)).first()
        if link is None:
            raise Http404("There is no such share link.")
        if link.revoked_at is None:
            ShareLink.objects.filter(pk=link.pk).revoke(request.user)
            self.log_change(request, link, "Withdrawn.")
            self.message_user(request, f"The link for {link.note} no longer works.")
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("admin:editorial_sharelink_change", args=[link.pk])
        return HttpResponseRedirect(target)

    # Permissions -----------------------------------------------------------------------------

    def has_create_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.add_{self.opts.model_name}")

    def may_change_item(self, request, item):
        """Whether the user may change ``item`` (its own admin's rules, e.g. contributors may
        change only their drafts)."""
        item_admin = self.admin_site._registry.get(type(item))
        if item_admin is not None:
            return item_admin.has_change_permission(request, item)
        opts = item._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def may_share(self, request, item):
        return (
            self.has_create_permission(request)
            and self.may_change_item(request, item)
            and sharing.is_shareable(item)
        )


def _number(raw):
    """An item number from an address, or Http404."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > MAX_PK_DIGITS:
        raise Http404("There is no such item.")
    return int(raw)


def _item_change_url(item):
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return None
