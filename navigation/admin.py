from django import forms
from django.contrib import admin

from editorial.admin import status_badge
from editorial.history_admin import TreeHistoryAdmin

from .models import MenuItem
from .sections import section_choices

#: What each kind of menu item shows in its form: ``(kind, heading, fields, description)``.
#: The fields of the other kinds are hidden, and saving keeps them as they were.
KIND_FIELDSETS = [
    (MenuItem.Kind.PAGE, "Content page", ["summary", "body"], ""),
    (MenuItem.Kind.SECTION, "Section link", ["section"], "The part of the site it opens."),
    (MenuItem.Kind.URL, "Link to another website", ["url"], ""),
]


def kind_fields(kind):
    """The fields of ``kind``, and those of the other kinds (hidden)."""
    shown = [name for value, _, names, _ in KIND_FIELDSETS if value == kind for name in names]
    hidden = [name for _, _, names, _ in KIND_FIELDSETS for name in names if name not in shown]
    return shown, hidden


def blank_and_sections():
    return [("", "---------"), *section_choices()]


class MenuItemForm(forms.ModelForm):
    section = forms.ChoiceField(
        choices=blank_and_sections,
        required=False,
        help_text=MenuItem._meta.get_field("section").help_text,
    )

    class Meta:
        model = MenuItem
        fields = [
            "title", "slug", "parent", "kind", "published", "show_in_menu",
            "summary", "body", "section", "url",
        ]  # fmt: skip

    def clean(self):
        """The fields of the other kinds were hidden: what they hold is neither checked nor
        saved, and the item keeps its own values for them."""
        cleaned = super().clean()
        _, hidden = kind_fields(cleaned.get("kind") or self.instance.kind)
        for name in hidden:
            self._errors.pop(name, None)
            cleaned[name] = getattr(self.instance, name)
        return cleaned


@admin.register(MenuItem)
class MenuItemAdmin(TreeHistoryAdmin):
    """The menu as a tree: drag an item to reorder it or to move it under another item.

    Every change is kept: an item's History page compares and restores its versions, and
    "Recover deleted menu items" brings back a deleted item with the pages under it."""

    form = MenuItemForm
    mptt_level_indent = 24
    list_display = ["tree_actions", "indented_title", "kind", "state", "show_in_menu"]
    list_display_links = ["indented_title"]
    list_filter = ["kind", "published", "show_in_menu"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]

    class Media:
        # Shows the fields of the kind chosen as soon as it is changed.
        js = ["navigation/menu_item_kind.js"]

    def get_fieldsets(self, request, obj=None):
        """The item's own fields, then those of its kind; the other kinds' fields are in the
        page, hidden, for the script to show if the kind is changed."""
        kind = self.chosen_kind(request, obj)
        main = ["title", "slug", "parent", "kind", "published", "show_in_menu"]
        return [
            (None, {"fields": main}),
            *(
                (
                    heading,
                    {
                        "fields": names,
                        "description": description,
                        "classes": [
                            "menu-kind",
                            f"menu-kind-{value}",
                            *([] if value == kind else ["hidden"]),
                        ],
                    },
                )
                for value, heading, names, description in KIND_FIELDSETS
            ),
        ]

    def chosen_kind(self, request, obj):
        """The kind the form is shown for: the one just sent, the item's, one asked for in
        the address (``?kind=url``), or a content page."""
        sent = request.POST.get("kind") if request.method == "POST" else None
        for kind in (sent, obj.kind if obj else None, request.GET.get("kind")):
            if kind in MenuItem.Kind.values:
                return kind
        return MenuItem.Kind.PAGE

    @admin.display(description="Status", ordering="published")
    def state(self, item):
        return status_badge(item)
