"""The content of one generated publication: title, synopsis, body, authors, categories, tags."""

import datetime
import html
import zoneinfo
from collections import defaultdict

from django.utils.text import slugify
from taggit.models import Tag

from publications.models import Category, Publication
from staff.models import Person

from .words import (
    ANGLES,
    BODY_INTROS,
    BODY_SECTIONS,
    GENERIC_PLACES,
    GENERIC_SUBJECTS,
    OTHER_TAGS,
    OUTSIDE_AUTHORS,
    PLACE_TAGS,
    PLACES,
    SERIES_AXES,
    SYNOPSES,
    THEMES,
    TITLES,
)

SINGAPORE = zoneinfo.ZoneInfo("Asia/Singapore")
PUBLISH_TIME = datetime.time(9)
REGIONS_AXIS = "country-and-region-studies"


def _title_case(text):
    small = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
    words = []
    for word in text.split(" "):
        if word in small:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def _first_upper(text):
    return text[:1].upper() + text[1:]


class Vocabulary:
    """What the generated items are made of: people, categories, tags and phrases."""

    def __init__(self, rng, series_list):
        self.rng = rng
        self.item_names = {series.pk: series.item_name for series in series_list}
        self.series_axis = {series.pk: SERIES_AXES.get(series.slug) for series in series_list}
        self.people = list(
            Person.objects.exclude(groups__slug="administrative-staff")
            .order_by("pk")
            .values_list("pk", flat=True)
            .distinct()
        ) or list(Person.objects.order_by("pk").values_list("pk", flat=True))
        nodes = {c["pk"]: c for c in Category.objects.values("pk", "slug", "name", "parent_id")}
        self.regions, self.themes, self.themes_by_axis = [], [], defaultdict(list)
        for node in nodes.values():
            if node["parent_id"] is None:
                continue
            axis = node
            while axis["parent_id"] is not None:
                axis = nodes[axis["parent_id"]]
            if axis["slug"] == REGIONS_AXIS:
                self.regions.append(node)
            else:
                self.themes.append(node)
                self.themes_by_axis[axis["slug"]].append(node)
        for group in (self.regions, self.themes):
            group.sort(key=lambda node: node["pk"])
        names = {tag for _, tags in THEMES.values() for tag in tags}
        names |= set(OTHER_TAGS) | {place.removeprefix("the ") for place in PLACE_TAGS}
        self.tags = {}
        for name in sorted(names):
            tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
            self.tags[name] = tag.pk

    def publication(self, day, series, number, taken_slugs):
        rng = self.rng
        region = rng.choice(self.regions) if self.regions and rng.random() < 0.85 else None
        pool = self.themes
        axis = self.series_axis[series.pk]
        if axis and self.themes_by_axis.get(axis) and rng.random() < 0.75:
            pool = self.themes_by_axis[axis]
        themes = rng.sample(pool, min(len(pool), 1 if rng.random() < 0.65 else 2))
        if region:
            place = rng.choice(PLACES.get(region["slug"], [region["name"]]))
        else:
            place = rng.choice(GENERIC_PLACES)
        subjects, theme_tags = THEMES.get(themes[0]["slug"], ([], [])) if themes else ([], [])
        subject = rng.choice(
            subjects or ([themes[0]["name"].lower()] if themes else GENERIC_SUBJECTS)
        )
        words = {
            "place": place,
            "Place": _first_upper(place),
            "subject": subject,
            "Subject": _title_case(subject),
            "angle": rng.choice(ANGLES),
            "item": self.item_names[series.pk],
        }
        title = _first_upper(rng.choice(TITLES).format(**words))
        code = f"{series.code_prefix}{day.year % 100:02d}{number:03d}"
        slug = f"{slugify(title)[:180].rstrip('-')}-{code.lower()}"
        taken = taken_slugs[series.pk]
        base, extra = slug, 2
        while slug in taken:
            slug, extra = f"{base}-{extra}", extra + 1
        taken.add(slug)
        prose = {key: html.escape(value, quote=False) for key, value in words.items()}
        prose["Subject"] = _first_upper(prose["subject"])
        sections = rng.sample(BODY_SECTIONS, 3)
        body = f"<p>{rng.choice(BODY_INTROS).format(**prose)}</p>" + "".join(
            f"<h2>{heading}</h2><p>{text.format(**prose)}</p>" for heading, text in sections
        )
        publication = Publication(
            series_id=series.pk,
            code=code,
            title=title,
            slug=slug,
            publication_date=day,
            synopsis=rng.choice(SYNOPSES).format(**words),
            body=body,
            status=Publication.Status.PUBLISHED,
            published_at=datetime.datetime.combine(day, PUBLISH_TIME, tzinfo=SINGAPORE),
        )
        authors = [
            (person_id, "", "")
            for person_id in rng.sample(
                self.people, min(len(self.people), rng.choices((1, 2, 3), (70, 22, 8))[0])
            )
        ]
        if not authors or rng.random() < 0.12:
            authors.append(("", *rng.choice(OUTSIDE_AUTHORS)))
        authors = [
            (person_id or None, name, affiliation) for person_id, name, affiliation in authors
        ]
        category_ids = ([region["pk"]] if region else []) + [theme["pk"] for theme in themes]
        tag_names = set(rng.sample(theme_tags, min(len(theme_tags), 2)))
        if place in PLACE_TAGS:
            tag_names.add(place.removeprefix("the "))
        if rng.random() < 0.3:
            tag_names.add(rng.choice(OTHER_TAGS))
        tag_ids = sorted({self.tags[name] for name in tag_names if name in self.tags})
        return publication, (authors, category_ids[:3], tag_ids)
