"""Demo publications: the reference site's twelve series, a category tree, the seed's
commentary CO21113 (summarised), a few invented items and some external publications.

The data is in this package: ``series.json`` (the series in their order, and the disclaimer
they share), ``categories.json`` (the tree), ``publications.json`` (each item, its authors by
staff slug or as an outside name, its categories by tree path; its body in
``bodies/<slug>.html``; its feature image, if any, in ``images/``; the one marked
``home_feature`` is featured on the home page) and ``external.json``. All prose is written for
this project, and the feature images were drawn for it.
``publications_load_demo()`` creates whatever does not exist yet and leaves everything that
does exist as editors made it. A published item is dated from its publication (created and
last updated then); an external one from the middle of its year.
"""

import datetime
from importlib.resources import files

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.demodata import demo_dated, demo_html, demo_json, demo_moment
from publications.models import (
    Authorship,
    Category,
    ExternalPublication,
    HomeFeature,
    Publication,
    Series,
)
from publications.services import publication_release
from staff.models import Person


@transaction.atomic
def publications_load_demo():
    """Create the demo series, categories, publications and external publications that do
    not exist yet; never change existing ones. Returns the number created of each kind."""
    counts = {"series": 0, "categories": 0, "publications": 0, "external": 0}
    series_by_slug = {}
    series_data = demo_json(__name__, "series.json")
    for order, spec in enumerate(series_data["series"]):
        spec = dict(spec)
        purpose = spec.pop("disclaimer_purpose")
        series = Series.objects.filter(slug=spec["slug"]).first()
        if series is None:
            disclaimer = series_data["disclaimer"].format(
                purpose=purpose, item_name=spec["item_name"]
            )
            series = Series(order=order, disclaimer=disclaimer, **spec)
            series.full_clean()
            series.save()
            counts["series"] += 1
        series_by_slug[spec["slug"]] = series
    counts["categories"] = _load_categories(demo_json(__name__, "categories.json"), None)
    categories = _categories_by_path()
    people = {person.slug: person for person in Person.objects.all()}
    specs = demo_json(__name__, "publications.json")
    for spec in specs:
        counts["publications"] += _load_publication(spec, series_by_slug, categories, people)
    featured = [spec["code"] for spec in specs if spec.get("home_feature")]
    if featured and not HomeFeature.objects.exists():
        seed_item = Publication.objects.filter(code=featured[0]).first()
        if seed_item is not None:
            HomeFeature.objects.create(publication=seed_item, order=0)
    for spec in demo_json(__name__, "external.json"):
        spec = dict(spec)
        slugs = spec.pop("people")
        if ExternalPublication.objects.filter(kind=spec["kind"], title=spec["title"]).exists():
            continue
        item = ExternalPublication(**spec)
        item.full_clean()
        item.save()
        item.people.set([people[slug] for slug in slugs if slug in people])
        mid_year = min(demo_moment(datetime.date(item.year, 7, 1)), timezone.now())
        demo_dated(ExternalPublication, item.pk, mid_year)
        counts["external"] += 1
    return counts


def _load_categories(nodes, parent):
    """Create the missing categories of ``nodes`` under ``parent``, one by one (MPTT inserts)."""
    created = 0
    for node in nodes:
        category = Category.objects.filter(parent=parent, slug=node["slug"]).first()
        if category is None:
            category = Category(name=node["name"], slug=node["slug"], parent=parent)
            category.full_clean()
            category.save()
            created += 1
        created += _load_categories(node.get("children", []), category)
    return created


def _categories_by_path():
    categories = {category.pk: category for category in Category.objects.all()}
    paths = {}
    for category in categories.values():
        parts, node = [], category
        while node is not None:
            parts.append(node.slug)
            node = categories.get(node.parent_id)
        paths["/".join(reversed(parts))] = category
    return paths


def _load_publication(spec, series_by_slug, categories, people):
    """Create one demo item unless it exists; released items go through the service.

    A published item is dated ``date`` (published, created and last updated at nine that
    morning, Singapore time) and may have a feature ``image``; a scheduled one goes out
    ``publish_in_days`` after the demo is loaded; a draft has no date and no code.
    """
    series = series_by_slug[spec["series"]]
    slug, code = spec["slug"], spec.get("code")
    if Publication.objects.filter(series=series, slug=slug).exists():
        return 0
    if code and Publication.objects.filter(code=code).exists():
        return 0
    status = spec["status"]
    date = datetime.date.fromisoformat(spec["date"]) if spec.get("date") else None
    publication = Publication(
        series=series,
        code=code,
        title=spec["title"],
        slug=slug,
        publication_date=date,
        synopsis=spec["synopsis"],
        body=demo_html(__name__, f"bodies/{slug}.html"),
        image_alt=spec.get("image_alt", ""),
        image_credit=spec.get("image_credit", ""),
        image_licence=spec.get("image_licence", ""),
        about_author=spec.get("about_author", ""),
        status=status,
    )
    if spec.get("image"):
        picture = files(__name__).joinpath(spec["image"])
        publication.image = ContentFile(picture.read_bytes(), name=picture.name)
    if status == Publication.Status.PUBLISHED:
        publication.published_at = demo_moment(date)
    elif status == Publication.Status.SCHEDULED:
        day = timezone.localdate() + datetime.timedelta(days=spec["publish_in_days"])
        publication.published_at = demo_moment(day)
    publication.full_clean()
    if status in Publication.RELEASED:
        publication_release(publication=publication)
    else:
        publication.save()
    authorships = []
    for order, author in enumerate(spec["authors"]):
        if isinstance(author, str):
            if author in people:
                authorships.append(Authorship(person=people[author], order=order))
        else:
            authorships.append(Authorship(order=order, **author))
    for authorship in authorships:
        authorship.publication = publication
        authorship.full_clean()
        authorship.save()
    publication.categories.set([categories[path] for path in spec["categories"]])
    publication.tags.add(*spec["tags"])
    if status == Publication.Status.PUBLISHED:
        moment = publication.published_at
        demo_dated(Publication, publication.pk, moment, fields=("created_at", "updated_at"))
    return 1


def demo_pictures():
    """The demo's feature pictures, with their alt text, credit and licence, for the media
    library's demo (``library.demo.library_load_demo``)."""
    pictures = []
    for spec in demo_json(__name__, "publications.json"):
        if not spec.get("image"):
            continue
        picture = files(__name__).joinpath(spec["image"])
        pictures.append(
            {
                "title": f"Feature picture: {spec['title']}"[:200],
                "name": picture.name,
                "content": picture.read_bytes(),
                "alt_text": spec.get("image_alt", ""),
                "credit": spec.get("image_credit", ""),
                "licence": spec.get("image_licence", ""),
            }
        )
    return pictures
