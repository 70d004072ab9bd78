"""Categories (with their hierarchy) and tags of the exported site.

A WordPress category that names one of our series (or that the series map names) files posts in
that series and does not become a category. The others join the category tree, parents first,
each matched to an existing category of the same slug under the same parent. Their old archive
addresses (``/category/parent/child/``, ``/?cat=ID``, ``/tag/slug/``) redirect to the new pages.
"""

import html

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from publications.models import Category, Publication
from redirects.services import redirect_to

from .mapping import key, unique_slug

UNCATEGORISED = {"uncategorized", "uncategorised"}


def import_categories(ctx):
    """Bring in every category that is not a series, parents before their children."""
    ctx.categories = {}
    ctx.tags = {}
    pending = []
    for slug, term in ctx.scan.categories.items():
        term.name = html.unescape(term.name)  # WordPress keeps “&amp;” in term names
        if ctx.series.is_series_category(slug, term.name):
            ctx.one("category", f"category “{term.name}”", lambda t=term: _series_archive(ctx, t))
        elif key(slug) not in UNCATEGORISED:
            pending.append(term)
    while pending:
        waiting = {term.slug for term in pending}
        ready = [t for t in pending if not t.parent or t.parent not in waiting]
        if not ready:  # parents in a loop: the first one goes to the top
            ctx.report.warn(
                f"category “{pending[0].name}”", "its parents form a loop: placed at the top."
            )
            pending[0].parent, ready = "", [pending[0]]
        for term in ready:
            ctx.one("category", f"category “{term.name}”", lambda t=term: _category(ctx, t))
        pending = [t for t in pending if t not in ready]


def _series_archive(ctx, term):
    """A category that names a series: its old archive leads to the series' page."""
    series, _ = ctx.series.for_categories([(term.slug, term.name)])
    label = f"category “{term.name}”"
    ctx.redirect(f"/category/{ctx.scan.category_path(term.slug)}/", series, label)
    if term.term_id:
        ctx.redirect(f"/?cat={term.term_id}", series, label)
    return None


def _category(ctx, term):
    source_id = term.term_id or f"slug:{term.slug}"
    digest = ctx.digest(term, ctx.scan.category_path(term.slug))
    if ctx.unchanged("category", source_id, digest, Category):
        ctx.categories[term.slug] = ctx.known[("category", source_id)].object_id
        return "unchanged"
    parent_id = ctx.categories.get(term.parent) if term.parent else None
    name = " ".join(term.name.split())[:200] or term.slug
    slug = slugify(key(term.slug) or name)[:100] or "category"
    category, _ = ctx.previous("category", source_id, Category)
    outcome = "updated" if category is not None else "created"
    if category is None:
        category = Category.objects.filter(parent_id=parent_id, slug=slug).first()
    if category is None:
        category = Category(parent_id=parent_id, slug=slug)
    category.name = name
    if term.description and not category.description:
        category.description = term.description
    if category.parent_id != parent_id:
        category.parent_id = parent_id
    category.save()
    ctx.remember("category", source_id, category, digest=digest)
    label = f"category “{name}”"
    ctx.redirect(f"/category/{ctx.scan.category_path(term.slug)}/", category, label)
    if term.term_id:
        ctx.redirect(f"/?cat={term.term_id}", category, label)
    ctx.categories[term.slug] = category.pk
    return outcome


def category_ids(ctx, item_categories):
    """The ids of the categories an item is filed under (those that are subjects)."""
    ids = []
    for slug, _name in item_categories:
        category_id = ctx.categories.get(slug)
        if category_id is not None and category_id not in ids:
            ids.append(category_id)
    return ids


def tags_for(ctx, item_tags, label):
    """The taggit tags of an item, made the first time a tag is met (matched by slug or name)."""
    found = []
    for slug, name in item_tags:
        slug_key = key(slug) or key(name)
        if not slug_key:
            continue
        tag = ctx.tags.get(slug_key)
        if tag is None:
            tag = _tag(ctx, slug_key, name or slug)
            ctx.tags[slug_key] = tag
        if tag not in found:
            found.append(tag)
    return found


def _tag(ctx, slug, name):
    name = " ".join(html.unescape(name).split())[:100] or slug
    tag = Tag.objects.filter(slug=slug).first() or Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        taken = set(Tag.objects.filter(name=name).values_list("name", flat=True))
        tag = Tag.objects.create(name=unique_slug(name, taken, 100), slug=slug[:100])
        ctx.report.count("tag", "created")
    path = tag_path(tag)
    for old in (f"/tag/{slug}/", f"/?tag={slug}"):
        if old != path:
            try:
                redirect_to(old, path=path, source="import")
            except Exception as error:  # noqa: BLE001 - reported, the tag is still used
                ctx.report.warn(f"tag “{name}”", f"old address {old} not redirected: {error}")
    return tag


def tag_path(tag):
    return reverse("publications:tag", kwargs={"slug": tag.slug})


def file(publication, category_ids, *, replace):
    """File ``publication`` under ``category_ids`` (one statement for a new item)."""
    if replace:
        publication.categories.set(category_ids)
        return
    through = Publication.categories.through
    through.objects.bulk_create(
        through(publication_id=publication.pk, category_id=pk) for pk in category_ids
    )


def tag(publication, tags, *, replace):
    """Give ``publication`` exactly ``tags`` (the links written in one statement)."""
    kind = ContentType.objects.get_for_model(Publication)
    links = TaggedItem.objects.filter(content_type=kind, object_id=publication.pk)
    if replace:
        if sorted(links.values_list("tag_id", flat=True)) == sorted(t.pk for t in tags):
            return
        links.delete()
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=t, content_type=kind, object_id=publication.pk) for t in tags
    )
