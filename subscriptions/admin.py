"""Subscribers in the back office (administrators only: they are personal data): who follows
what, their consent, what was sent to whom, the next digest, and a data-protection export or
erasure of one subscriber."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from . import mail, sending, services
from .models import Consent, Delivery, Subscriber


class ConsentInline(admin.TabularInline):
    model = Consent
    fields = ["at", "action", "source", "choices"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "consent step"

    def has_add_permission(self, request, obj=None):
        return False


class FollowsFilter(admin.SimpleListFilter):
    title = "follows"
    parameter_name = "follows"

    def lookups(self, request, model_admin):
        return [
            ("everything", "All publications"),
            ("series", "A series"),
            ("categories", "A subject or region"),
            ("authors", "An author"),
            ("tags", "A keyword"),
            ("events", "Events"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value in ("everything", "events"):
            return queryset.filter(**{value: True})
        if value in ("series", "categories", "authors", "tags"):
            return queryset.filter(**{f"{value}__isnull": False}).distinct()
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "frequency", "follows", "confirmed_at", "left_at"]
    list_filter = ["status", "frequency", FollowsFilter, "series"]
    search_fields = ["email"]
    date_hierarchy = "confirmed_at"
    fields = [
        "email", "status", "frequency", "everything", "series", "categories", "authors", "tags",
        "events", "confirmed_at", "left_at", "data_protection",
    ]  # fmt: skip
    readonly_fields = ["email", "confirmed_at", "left_at", "data_protection"]
    filter_horizontal = ["series", "categories", "authors", "tags"]
    inlines = [ConsentInline]

    def has_add_permission(self, request):
        return False  # only the reader, through the confirmation email, may subscribe

    @admin.display(description="Follows")
    def follows(self, obj):
        return services.describe(obj)

    @admin.display(description="Data protection")
    def data_protection(self, obj):
        if obj.pk is None:
            return ""
        return format_html(
            '<a class="button" href="{}">Export everything kept (JSON)</a> '
            '<a class="button" href="{}">Preview the next digest</a> '
            '<a class="deletelink" href="{}">Erase this subscriber</a>',
            reverse("admin:subscriptions_subscriber_export", args=[obj.pk]),
            reverse("admin:subscriptions_subscriber_digest", args=[obj.pk]),
            reverse("admin:subscriptions_subscriber_erase", args=[obj.pk]),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        name = "subscriptions_subscriber"
        return [
            path("<int:pk>/export/", view(self.export_view), name=f"{name}_export"),
            path("<int:pk>/erase/", view(self.erase_view), name=f"{name}_erase"),
            path("<int:pk>/digest/", view(self.digest_view), name=f"{name}_digest"),
            *super().get_urls(),
        ]

    def _subscriber(self, request, pk, permission):
        subscriber = Subscriber.objects.filter(pk=pk).first()
        if subscriber is None:
            raise Http404("There is no such subscriber.")
        if not permission(request, subscriber):
            raise PermissionDenied("You may not see subscribers.")
        return subscriber

    def export_view(self, request, pk):
        subscriber = self._subscriber(request, pk, self.has_view_permission)
        response = HttpResponse(services.export(subscriber), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
        response["Cache-Control"] = "private, no-store"
        return response

    def erase_view(self, request, pk):
        subscriber = self._subscriber(request, pk, self.has_delete_permission)
        if request.method == "POST":
            email = subscriber.email
            services.erase(subscriber)
            self.message_user(
                request, f"{email} and everything kept about them were erased.", messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:subscriptions_subscriber_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "subscriber": subscriber,
            "title": f"Erase {subscriber.email}?",
            "consents": subscriber.consents.count(),
            "deliveries": subscriber.deliveries.count(),
        }
        return TemplateResponse(request, "admin/subscriptions/erase.html", context)

    def digest_view(self, request, pk):
        """The next weekly digest of this subscriber as it would be sent now (nothing is
        claimed or sent)."""
        subscriber = self._subscriber(request, pk, self.has_view_permission)
        until = timezone.now()
        items = sending.digest_items(subscriber, until)
        if not items:
            return HttpResponse(
                "<p>Nothing new for this subscriber since their last digest.</p>",
                headers={"Cache-Control": "private, no-store"},
            )
        message = mail.digest(subscriber, items, until)
        html = message.alternatives[0][0] if message.alternatives else message.body
        return HttpResponse(html, headers={"Cache-Control": "private, no-store"})


class SentFilter(admin.SimpleListFilter):
    title = "outcome"
    parameter_name = "outcome"

    def lookups(self, request, model_admin):
        return [
            ("sent", "Sent"),
            ("failed", "Given up"),
            ("claimed", "Claimed, not sent (interrupted)"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        if self.value() == "failed":
            return queryset.filter(sent_at=None).exclude(failure="")
        if self.value() == "claimed":
            return queryset.filter(sent_at=None, failure="")
        return queryset


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """What was sent to whom and when (read-only: the ledger)."""

    list_display = ["subscriber", "item_name", "kind", "claimed_at", "sent_at", "failure"]
    list_filter = ["kind", SentFilter, "claimed_at"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "content_type"]
    date_hierarchy = "claimed_at"

    @admin.display(description="Item")
    def item_name(self, obj):
        return f"{obj.content_type.name} {obj.object_id}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
