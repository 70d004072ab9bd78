"""Read queries of the publications pages, each a fixed number of SQL statements.

Everything starts from ``Publication.objects.public()``; results that depend on content only
(series, years, counts, detail pages) are kept for the current content generation.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from core.content_cache import memo
from core.pagination import ANCHOR_PAGES, id_positions, keyset_positions
from core.years import distinct_years
from staff.models import Person

from .categories import node_by_path
from .filters import year_range
from .models import Authorship, Category, ExternalPublication, HomeFeature, Publication, Series

RELATED_COUNT = 4


def all_series():
    return memo("publications:series", lambda: list(Series.objects.all()))


def series_by_slug(slug):
    return next((series for series in all_series() if series.slug == slug), None)


def public_years():
    """Years that have public publications, latest first (one index probe per year)."""
    return memo(
        "publications:years",
        lambda: distinct_years(Publication.objects.public(), "publication_date"),
    )


def tag_by_slug(slug):
    """The tag with ``slug`` if a public publication carries it, else None."""
    return memo(f"publications:tag:{slug}", lambda: _public_tag(slug))


def _public_tag(slug):
    tagged = TaggedItem.objects.filter(
        tag=OuterRef("pk"),
        content_type__app_label="publications",
        content_type__model="publication",
        object_id__in=Publication.objects.public().values("pk"),
    )
    return Tag.objects.filter(slug=slug).filter(Exists(tagged)).first()


def author_by_slug(slug):
    return memo(
        f"publications:author:{slug}", lambda: Person.objects.public().filter(slug=slug).first()
    )


def filtered(pub_filter):
    """Public publications matching ``pub_filter`` (a PublicationFilter), newest first.

    Unknown series, tags or authors raise Http404.
    """
    queryset = Publication.objects.public()
    if pub_filter.series:
        chosen = [series_by_slug(slug) for slug in pub_filter.series]
        if None in chosen:
            raise Http404("There is no such series.")
        queryset = queryset.filter(series__in=[series.pk for series in chosen])
    if pub_filter.year:
        start, end = year_range(pub_filter.year)
        queryset = queryset.filter(publication_date__gte=start, publication_date__lt=end)
    links = Publication.categories.through.objects
    for pks in pub_filter.category_groups():
        queryset = queryset.filter(
            Exists(links.filter(publication=OuterRef("pk"), category__in=pks))
        )
    if pub_filter.tag:
        tag = tag_by_slug(pub_filter.tag)
        if tag is None:
            raise Http404("There is no such tag.")
        queryset = queryset.filter(
            Exists(
                # By content type id, not by joining its name: the planner then knows how
                # many items carry the tag and reads them at once instead of one by one.
                TaggedItem.objects.filter(
                    object_id=OuterRef("pk"),
                    tag=tag.pk,
                    content_type=ContentType.objects.get_for_model(Publication),
                )
            )
        )
    if pub_filter.author:
        author = author_by_slug(pub_filter.author)
        if author is None:
            raise Http404("There is no such author.")
        queryset = queryset.filter(
            Exists(Authorship.objects.filter(publication=OuterRef("pk"), person=author.pk))
        )
    if pub_filter.q:
        q = pub_filter.q
        queryset = queryset.filter(
            Q(title__icontains=q) | Q(synopsis__icontains=q) | Q(code__iexact=q)
        )
    return queryset.order_by("-publication_date", "-id")


def describe(chosen):
    """The reader's choice of filters in words, e.g. “in Commentaries, from 2021, about
    Europe or Global, by Chris Cheang” (empty when nothing is chosen).

    Called once the filters are known to be valid (``filtered`` checks them).
    """
    parts = []
    if chosen.series:
        parts.append("in " + " or ".join(series_by_slug(s).name for s in chosen.series))
    if chosen.year:
        parts.append(f"from {chosen.year}")
    names_by_axis = {}
    for path in chosen.categories:
        node = node_by_path(path)
        names_by_axis.setdefault(node.axis_pk, []).append(node.name)
    parts += ["about " + " or ".join(names) for names in names_by_axis.values()]
    if chosen.author:
        parts.append(f"by {author_by_slug(chosen.author).display_name}")
    if chosen.tag:
        parts.append(f"tagged “{tag_by_slug(chosen.tag).name}”")
    if chosen.q:
        parts.append(f"with the words “{chosen.q}”")
    return ", ".join(parts)


def positions(pub_filter, queryset, per_page):
    """The exact count of a filtered list and where its pages are (see ``core.pagination``),
    found in one pass over the list and kept once per content generation (except for
    free-text queries, which are too many to keep).

    A list narrowed only by the item's own columns (all items, a series, a year) is read
    from the ``publication_public_recent`` and ``publication_public_series`` indexes in its
    order: the pass is an index-only scan that keeps the key of every tenth page's first
    item. A list narrowed by a link table (categories, a tag, an author) is sparse in those
    indexes (one author's items are scattered over all of them), so the pass keeps the ids
    of its items, 8 bytes each. Either way every page, the last one included, then costs
    what the first does.
    """
    linked = bool(pub_filter.tag or pub_filter.author or pub_filter.category_groups())
    every = per_page * ANCHOR_PAGES

    def build():
        return id_positions(queryset) if linked else keyset_positions(queryset, every)

    if pub_filter.q:
        return build()
    return memo(f"publications:positions:{every}:{pub_filter.key()}", build)


def detail(series_slug, slug):
    """A public publication with everything its page shows, or None."""
    return memo(
        f"publications:detail:{series_slug}:{slug}",
        lambda: _detail(Publication.objects.public(), series_slug, slug),
    )


def preview(series_slug, slug):
    """Any publication, public or not, for staff (never cached)."""
    return _detail(Publication.objects.all(), series_slug, slug)


def _detail(queryset, series_slug, slug):
    """The item at ``series_slug``/``slug`` in ``queryset`` with everything its page shows, in
    five queries: the item (with its made PDF, and whether editors chose related items), its
    categories, its tags, the related items, and the authors of all of these at once."""
    series = series_by_slug(series_slug)
    if series is None:
        return None
    chosen = Publication.related.through.objects.filter(from_publication=OuterRef("pk"))
    try:
        publication = (
            queryset.select_related("generated_pdf")
            .defer("pdf_text")
            .annotate(has_chosen_related=Exists(chosen))
            .prefetch_related(
                Prefetch("categories", queryset=Category.objects.order_by("tree_id", "lft")),
                "tags",
            )
            .get(series=series.pk, slug=slug)
        )
    except Publication.DoesNotExist:
        return None
    publication.series = series
    publication.related_items = related(publication, chosen=publication.has_chosen_related)
    prefetch_related_objects([publication, *publication.related_items], _AUTHORSHIPS)
    return publication


_AUTHORSHIPS = Prefetch("authorships", queryset=Authorship.objects.select_related("person"))


def related(publication, *, chosen=True):
    """The editors' choice of related items, or else the latest public items sharing one of
    its categories; without their authors (one query).

    The latter walks the public items' date index and stops at the fourth one linked to one
    of the categories (a few dozen rows for the large categories), or, for a small category,
    reads that category's links by their index and sorts those: PostgreSQL picks whichever
    reads less. ``chosen=False`` says the editors chose none (known from the item's query).
    """
    public = Publication.objects.public().exclude(pk=publication.pk).defer("body", "pdf_text")
    if chosen:
        items = list(public.filter(related_from=publication)[:RELATED_COUNT])
        if items:
            return _with_series(items)
    category_pks = [category.pk for category in publication.categories.all()]
    if not category_pks:
        return []
    links = Publication.categories.through.objects
    same = public.filter(
        Exists(links.filter(publication=OuterRef("pk"), category__in=category_pks))
    )
    return _with_series(list(same.order_by("-publication_date", "-id")[:RELATED_COUNT]))


def _with_series(items):
    """``items`` with their series from the kept list of series (no join)."""
    by_pk = {series.pk: series for series in all_series()}
    for item in items:
        item.series = by_pk[item.series_id]
    return items


def by_code(code):
    """The URL of the public item with ``code`` (any case), or None."""
    address = _address_by_code(code)
    if address is None:
        return None
    return reverse("publications:detail", kwargs={"series": address[0], "slug": address[1]})


def detail_by_code(code):
    """The public item with ``code`` (any case) and everything its page shows, or None."""
    address = _address_by_code(code)
    return detail(*address) if address else None


def _address_by_code(code):
    """``(series slug, slug)`` of the public item with ``code``, or None."""
    code = code.upper()
    return memo(
        f"publications:code:{code}",
        lambda: (
            Publication.objects.public()
            .filter(code=code)
            .values_list("series__slug", "slug")
            .first()
        ),
    )


def sidebar_teaser():
    """The latest item of the series marked for the sidebar teaser (“Latest Book”)."""
    return memo("publications:teaser", _sidebar_teaser) or None


def _sidebar_teaser():
    item = (
        Publication.objects.public()
        .filter(series__sidebar_teaser=True)
        .select_related("series")
        .order_by("-publication_date", "-id")
        .first()
    )
    return item or False


def by_people(people_pks):
    authored = Authorship.objects.filter(publication=OuterRef("pk"), person__in=people_pks)
    return (
        Publication.objects.public().filter(Exists(authored)).order_by("-publication_date", "-id")
    )


def latest_by_people(people_pks, limit):
    return list(by_people(people_pks).for_cards()[:limit])


def count_by_people(people_pks):
    return by_people(people_pks).count()


def external_by_person(person, limit):
    return list(
        ExternalPublication.objects.filter(published=True, people=person.pk).order_by(
            "-year", "title"
        )[:limit]
    )


def external(kind=None, year=None):
    queryset = ExternalPublication.objects.filter(published=True).prefetch_related(
        Prefetch("people", queryset=Person.objects.public())
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if year:
        queryset = queryset.filter(year=year)
    return queryset.order_by("-year", "title")


def external_years():
    return memo(
        "publications:external-years",
        lambda: list(
            ExternalPublication.objects.filter(published=True)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        ),
    )


HOME_FEATURES = 3
HOME_LATEST = 5


def home_publications():
    """What the home page shows of publications: the editors' features (else the latest
    item), the latest items of each series marked for the home page (two queries each), and
    the latest item of the teaser series."""
    public = Publication.objects.public()
    featured = [
        feature.publication
        for feature in HomeFeature.objects.filter(publication__in=public)
        .select_related("publication__series")
        .order_by("order", "id")[:HOME_FEATURES]
    ]
    if not featured:
        featured = list(public.select_related("series").order_by("-publication_date", "-id")[:1])
    shown = [item.pk for item in featured]
    latest = [
        (
            series,
            list(public.filter(series=series.pk).exclude(pk__in=shown).for_cards()[:HOME_LATEST]),
        )
        for series in all_series()
        if series.on_home_page
    ]
    return {
        "featured": featured,
        "latest": latest,
        "teaser": sidebar_teaser(),
    }
