from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from mptt.models import MPTTModel, TreeForeignKey

from core.richtext import RichTextField

from .sections import address_owned_by_view, section_urls


class MenuItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class MenuItem(MPTTModel):
    """One node of the site's navigation tree: a content page, a site section or an outside link."""

    class Kind(models.TextChoices):
        PAGE = "page", "Content page"
        SECTION = "section", "Link to a site section"
        URL = "url", "Link to another website"

    parent = TreeForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text="Leave empty for a top-level item of the main menu.",
    )
    title = models.CharField(max_length=200, help_text="Label in the menu and page heading.")
    slug = models.SlugField(
        "address",
        max_length=100,
        allow_unicode=False,
        help_text="Part of the page address, e.g. “introduction” in /about-rsis/introduction/.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PAGE)
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One sentence shown in section overviews and to search engines.",
    )
    body = RichTextField(blank=True, help_text="The text of the page.")
    section = models.CharField(
        max_length=100,
        blank=True,
        help_text="The site section this item opens (section links only).",
    )
    url = models.URLField(
        "web address",
        blank=True,
        help_text="The full address of the other website's page, e.g. https://www.ntu.edu.sg/.",
    )
    published = models.BooleanField(
        default=True,
        help_text="Unpublished items and everything under them are hidden from the public.",
    )
    show_in_menu = models.BooleanField(
        default=True,
        help_text="Untick for pages reached from elsewhere (e.g. the footer) but not the menu.",
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)

    objects = MenuItemQuerySet.as_manager()

    class MPTTMeta:
        order_insertion_by = []

    class Meta:
        ordering = ["tree_id", "lft"]
        verbose_name = "menu item"
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"], name="menuitem_unique_slug_in_parent"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def tree_path(self):
        """The item's address path, e.g. ``about-rsis/introduction`` (one query for ancestors)."""
        if self.parent_id is None:
            return self.slug
        return "/".join(a.slug for a in self.get_ancestors(include_self=True))

    def get_absolute_url(self):
        if self.kind == self.Kind.SECTION:
            return section_urls().get(self.section, "")
        if self.kind == self.Kind.URL:
            return self.url
        return reverse("navigation:page", kwargs={"path": self.tree_path})

    def clean(self):
        errors = {}
        if self.kind == self.Kind.SECTION:
            if not self.section:
                errors["section"] = "Choose the site section this item links to."
            elif self.section not in section_urls():
                errors["section"] = "This section is not available."
        if self.kind == self.Kind.URL and not self.url:
            errors["url"] = "Enter the address of the outside page."
        siblings = MenuItem.objects.filter(parent=self.parent, slug=self.slug).exclude(pk=self.pk)
        if self.slug and siblings.exists():
            errors["slug"] = "Another item at this level already has this address."
        if self.kind == self.Kind.PAGE and self.slug and "slug" not in errors:
            errors.update(self._clean_address())
        if errors:
            raise ValidationError(errors)

    def _clean_address(self):
        """A content page must not take an address that belongs to another part of the site."""
        parent_path = self.parent.tree_path + "/" if self.parent_id else ""
        address = f"/{parent_path}{self.slug}/"
        try:
            match = resolve(address)
        except Resolver404:
            return {}
        if match.view_name != "navigation:page" and address_owned_by_view(match):
            return {"slug": f"The address {address} is already used by another part of the site."}
        return {}
