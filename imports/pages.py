"""Pages become content pages of the menu tree, under their old parent and in their old order;
with ``--menus``, the old site's menus show those pages and add their other links.

Imported pages stay out of the mega-menu (``show_in_menu`` off) unless an imported menu shows
them: an archive of pages must not flood the institution's menu.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from navigation.models import MenuItem

from . import media
from .content import plain
from .mapping import slug_for, split_title, unique_slug
from .posts import label

PAGE_STATUSES = {"publish": True, "draft": False, "pending": False, "private": False,
                 "future": False}  # fmt: skip


def import_page(ctx, item):
    name = label(item)
    if item.status not in PAGE_STATUSES:
        if item.status == "trash":
            ctx.report.warn(name, "in the trash: not imported.")
        return "skipped" if item.status not in ("auto-draft", "inherit") else None
    parent = None
    if item.parent not in ("", "0"):
        parent = ctx.made("page", item.parent)
        if parent is None and item.parent in ctx.scan.page_places and not item.orphan:
            ctx.waiting_pages.append(item)  # its parent comes later in the file
            return None
        if parent is None:
            ctx.report.warn(
                name, f"its parent page {item.parent} was not imported: placed at the top."
            )
    digest = ctx.digest(item, parent.pk if parent else None, media.presence(ctx, item.content))
    if ctx.unchanged("page", item.post_id, digest, MenuItem):
        return "unchanged"
    page, _ = ctx.previous("page", item.post_id, MenuItem)
    outcome = "created" if page is None else "updated"
    page = page or MenuItem(kind=MenuItem.Kind.PAGE, show_in_menu=False)
    title = split_title(item.title)[1]
    if not title:
        title = f"Untitled page {item.post_id} from WordPress"
        ctx.report.warn(name, f"no title: imported as “{title}”.")
    page.title = title[:200]
    page.summary = plain(item.excerpt)[:300]
    page.body = ctx.converted(item.content, name)
    page.published = PAGE_STATUSES[item.status] and not item.password
    if item.password:
        ctx.report.warn(name, "protected by a password on the old site: imported unpublished.")
    elif item.status != "publish":
        ctx.report.warn(name, f"{item.status} on the old site: imported unpublished.")
    wanted = slug_for(item.slug, title, f"page-{item.post_id}")[:100]
    if page.pk is None or page.parent_id != (parent.pk if parent else None) or page.slug != wanted:
        page.parent = parent  # a page moved or renamed on the old site moves here too
        page.slug = _free_slug(ctx, page, wanted, name)
    page.save()
    ctx.remember("page", item.post_id, page, digest=digest)
    ctx.placed.append(item.post_id)
    ctx.redirect(item.link, page, name)
    ctx.redirect(f"/?page_id={item.post_id}", page, name)
    if ctx.links_home(page.body):
        ctx.relink(MenuItem, page.pk, ("page", item.post_id))
    return outcome


def _free_slug(ctx, page, wanted, name):
    """A slug no sibling has and whose address no other part of the site owns."""
    wanted = wanted[:100]
    siblings = MenuItem.objects.filter(parent=page.parent).exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug = unique_slug(wanted, taken, 100)
    for _ in range(10):
        page.slug = slug
        if not page._clean_address():
            break
        slug = unique_slug(f"{wanted[:90]}-page", taken, 100)
    if slug != wanted:
        ctx.report.warn(name, f"the address {wanted} was taken: renamed {slug}.")
    return slug


def place_pages(ctx):
    """Import the pages that waited for their parent, then put pages in their old order."""
    while ctx.waiting_pages:
        waiting, ctx.waiting_pages = ctx.waiting_pages, []
        for item in waiting:
            if ctx.made("page", item.parent) is None and item.parent not in {
                w.post_id for w in waiting
            }:
                item.orphan = True  # the parent was not imported: the page goes to the top
            ctx.one("page", label(item), lambda item=item: import_page(ctx, item))
        if len(ctx.waiting_pages) == len(waiting):
            for item in ctx.waiting_pages:
                item.orphan = True  # parents in a loop
    if ctx.placed:
        _order(ctx)


def _order(ctx):
    """Siblings imported from the export in their menu order (moves within a parent keep
    every address)."""
    siblings = {}
    for post_id, (_parent, order) in ctx.scan.page_places.items():
        page = ctx.made("page", post_id)
        if page is not None:
            siblings.setdefault(page.parent_id, []).append((order, int(post_id), page.pk))
    for group in siblings.values():
        wanted = [pk for _, _, pk in sorted(group)]
        current = list(
            MenuItem.objects.filter(pk__in=wanted).order_by("lft").values_list("pk", flat=True)
        )
        if current == wanted:
            continue
        for previous, pk in zip(wanted, wanted[1:], strict=False):
            node = MenuItem.objects.get(pk=pk)
            node.move_to(MenuItem.objects.get(pk=previous), "right")


def import_menus(ctx):
    """The old site's menus: entries for pages show those pages in the menu; other entries
    (posts, categories, outside links) become links under them, in order."""
    made = {}
    for item in sorted(ctx.nav_items, key=lambda i: (i.terms_of("nav_menu"), i.menu_order)):
        ctx.one("menu item", f"menu item {item.post_id}", lambda i=item: _menu_item(ctx, i, made))


def _menu_item(ctx, item, made):
    kind = item.meta.get("_menu_item_object", "")
    object_id = item.meta.get("_menu_item_object_id", "")
    parent = made.get(item.meta.get("_menu_item_menu_item_parent", "0"))
    if item.meta.get("_menu_item_type") == "post_type" and kind == "page":
        page = ctx.made("page", object_id)
        if page is None:
            ctx.report.warn(f"menu item {item.post_id}", f"page {object_id} was not imported.")
            return "skipped"
        made[item.post_id] = page
        if page.show_in_menu:
            return "unchanged"
        MenuItem.objects.filter(pk=page.pk).update(show_in_menu=True)
        return "updated"
    url, title = _menu_target(ctx, item, kind, object_id)
    if not url:
        ctx.report.warn(f"menu item {item.post_id}", "its target was not imported: left out.")
        return "skipped"
    link, _ = ctx.previous("menu_item", item.post_id, MenuItem)
    outcome = "created" if link is None else "updated"
    link = link or MenuItem(kind=MenuItem.Kind.URL, parent=parent)
    link.title = (plain(item.title) or title or url)[:200]
    link.url = url[:200]
    if link.pk is None:
        taken = set(MenuItem.objects.filter(parent=parent).values_list("slug", flat=True))
        link.slug = unique_slug(slug_for("", link.title, f"link-{item.post_id}")[:100], taken, 100)
    link.full_clean(exclude=["parent", "body"])
    link.save()
    made[item.post_id] = link
    ctx.remember("menu_item", item.post_id, link)
    return outcome


def _menu_target(ctx, item, kind, object_id):
    """(address, title) of a menu entry's target: an outside address, or a full address here."""
    if item.meta.get("_menu_item_type") == "custom":
        return item.meta.get("_menu_item_url", "").strip(), ""
    target = {"post": lambda: ctx.made("post", object_id),
              "category": lambda: _category(ctx, object_id)}.get(kind, lambda: None)()  # fmt: skip
    if target is None:
        return "", ""
    try:
        return settings.SITE_URL.rstrip("/") + target.get_absolute_url(), str(target)
    except ValidationError:
        return "", ""


def _category(ctx, term_id):
    for slug, term in ctx.scan.categories.items():
        if term.term_id == term_id and slug in ctx.categories:
            from publications.models import Category

            return Category.objects.get(pk=ctx.categories[slug])
    return None
