"""Broken links across the site: links (and pictures) in the texts of items readers can see
that lead to pages or files of this site readers cannot open.

``broken_links()`` reads every text written with the rich-text editor, in items the public
may see (for a model with publishing states, those in a public state; for others, all), and
gives each link to this site that does not answer for the public (``editorial.links``). It
works in a fixed number of queries: one per kind of item with such a text, and those that
decide, for all the addresses at once, which answer.

The admin page that lists them, "Broken links", sits in the back office's "Editorial" section
for editors (those who may publish something): ``admin_urls(site)`` gives its address, and
``with_broken_links_page(request, app_list)`` its line in the admin's list of sections.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import capfirst

from core.richtext import RichTextField

from . import registry
from .body_checks import BodyReader, place, words_of
from .links import internal_path, site_hosts, unreachable

URL_NAME = "editorial_broken_links"


@dataclass(frozen=True)
class BrokenLink:
    item: object
    #: The label of the text the link is in ("body", "description").
    field: str
    #: The words of the link ("" for a picture).
    words: str
    #: The address on this site it leads to.
    address: str
    #: Why readers cannot open it.
    why: str
    #: The words around it, quoted.
    place: str
    #: The item's admin page, or None.
    change_url: str | None

    @property
    def kind(self):
        return capfirst(self.item._meta.verbose_name)


def text_fields():
    """``[(model, [field names])]`` of the models with texts written with the rich-text
    editor, in the order of the apps."""
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, RichTextField)]
        if names:
            found.append((model, names))
    return found


def _public(model, queryset):
    state = registry.PUBLIC_STATES.get(model._meta.label_lower)
    if state is None:
        return queryset
    name, values = state
    return queryset.filter(**{f"{name}__in": values})


def _may_link_here(names, hosts):
    """Texts that hold an address of this site: on this site ("/…") or at one of its names."""
    starts = ['href="/', 'src="/'] + [
        f'href="{scheme}://{host.lstrip(".")}' for host in hosts for scheme in ("http", "https")
    ]
    query = Q(pk__in=[])
    for name in names:
        for start in starts:
            query |= Q(**{f"{name}__contains": start})
    return query


def broken_links():
    """Every link to this site, in the texts of items the public may see, that readers cannot
    open: ``[BrokenLink]``, by kind of item and item."""
    hosts = site_hosts()
    found = []  # (item, field label, path, words, place)
    for model, names in text_fields():
        items = _public(model, model._default_manager.filter(_may_link_here(names, hosts)))
        for item in items.order_by("pk").iterator(chunk_size=500):
            for name in names:
                found += _links_in(item, name, hosts)
    why = unreachable({path for _item, _label, path, _words, _place in found})
    return [
        BrokenLink(item, label, words, path, why[path], where, _change_url(item))
        for item, label, path, words, where in found
        if path in why
    ]


def _links_in(item, name, hosts):
    html = getattr(item, name) or ""
    reader = BodyReader(html)
    text = reader.text
    label = str(item._meta.get_field(name).verbose_name)
    links = []
    for link in reader.links:
        path = internal_path(link.attrs.get("href"), hosts)
        if path is not None:
            words = words_of(link.text) or "(no words)"
            links.append((item, label, path, words, place(text, link.start, link.end)))
    for image in reader.images:
        path = internal_path(image.attrs.get("src"), hosts)
        if path is not None:
            links.append((item, label, path, "", place(text, image.start)))
    return links


def _change_url(item):
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return None


# The admin page ---------------------------------------------------------------------------------


def may_see(user):
    """Editors see the list: those who may make some kind of item public."""
    return (
        user.is_active
        and user.is_staff
        and any(user.has_perm(permission) for permission in registry.PUBLISHABLE.values())
    )


def admin_urls(admin_site):
    """The page's address in the admin: ``/admin/editorial/broken-links/``."""
    return [
        path(
            "editorial/broken-links/",
            admin_site.admin_view(BrokenLinksView(admin_site)),
            name=URL_NAME,
        )
    ]


class BrokenLinksView:
    def __init__(self, admin_site):
        self.admin_site = admin_site

    def __call__(self, request):
        if not may_see(request.user):
            raise PermissionDenied("Only editors see the list of broken links.")
        context = {
            **self.admin_site.each_context(request),
            "title": "Broken links",
            "subtitle": None,
            "links": broken_links(),
            "app_label": "editorial",
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/broken_links.html", context)


def with_broken_links_page(request, app_list, admin_site_name="admin"):
    """``app_list`` (the admin's sections) with "Broken links" in the editorial section, for
    those who may see it."""
    if not may_see(request.user):
        return app_list
    try:
        url = reverse(f"{admin_site_name}:{URL_NAME}")
    except NoReverseMatch:
        return app_list
    entry = {
        "name": "Broken links",
        "object_name": "BrokenLinks",
        "perms": {"add": False, "change": False, "delete": False, "view": True},
        "admin_url": url,
        "add_url": None,
        "view_only": True,
    }
    for app in app_list:
        if app["app_label"] == "editorial":
            app["models"].append(entry)
            return app_list
    return app_list
