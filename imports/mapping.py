"""How the exported site's words map onto ours: series, authors, slugs and titles.

The operator may give two small CSV files: ``--series-map`` (a WordPress category's slug or
name, then a series' slug) and ``--authors`` (a WordPress login or printed name, then a staff
person's slug, ``outside``, ``outside:Name as printed`` or ``-`` to leave the name out).
Without them, categories named like one of our series (“Commentaries”, “RSIS Commentary”,
“commentary”...) file a post in that series, and names are matched to staff by name.
"""

import csv
import html
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.management.base import CommandError
from django.utils.text import slugify

from publications.models import CODE_PATTERN, Series
from staff.models import Person

CODE_IN_TITLE = re.compile(
    rf"^\s*(?P<code>{CODE_PATTERN.pattern})\s*[|:\u2013\u2014-]\s*(?P<title>.*?)\s*$",
    re.S,
)
BYLINE_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)
OUTSIDE, DROP = "outside", "-"
MAX_MAP_BYTES = 1024 * 1024


def read_pairs(path, what):
    """The rows of a two-column CSV file (lines starting with # are notes), as a dict."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            text = file.read(MAX_MAP_BYTES + 1)
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"The {what} file cannot be read: {error}") from error
    if len(text) > MAX_MAP_BYTES:
        raise CommandError(f"The {what} file is over 1 MB; is it the right file?")
    pairs = {}
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise CommandError(f"Line {number} of the {what} file needs two values: {row}")
        pairs[key(row[0])] = row[1].strip()
    return pairs


def key(text):
    """How names and slugs are compared: case, accents, spacing and punctuation aside."""
    return slugify(unquote(html.unescape(text or "")))


def split_title(title):
    """(code, title) from “CO21113 | Title” or “CO21113: Title”; (None, title) otherwise."""
    title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", title or "")).split())
    match = CODE_IN_TITLE.match(title)
    if match and match["title"]:
        return match["code"], match["title"]
    return None, title


def slug_for(post_name, title, fallback):
    """An ASCII slug from WordPress's (percent-encoded) post name, else the title."""
    return (
        slugify(unquote(post_name or ""))[:200].strip("-")
        or slugify(title)[:200].strip("-")
        or fallback
    )


def unique_slug(slug, taken, limit=200):
    """``slug``, or ``slug-2``, ``slug-3``... whichever is not in ``taken`` (which it joins)."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: limit - len(suffix)] + suffix
    taken.add(candidate)
    return candidate


class SeriesFinder:
    """The series of a post: from the code in its title, else its categories, else a default."""

    def __init__(self, *, mapping=None, default=None):
        self.series = list(Series.objects.all())
        self.by_prefix = {series.code_prefix: series for series in self.series}
        by_slug = {series.slug: series for series in self.series}
        self.by_category = {}
        for series in self.series:
            for name in (series.slug, series.name, series.item_name):
                name = key(name)
                for variant in (name, name.removeprefix("rsis-")):
                    self.by_category.setdefault(variant, series)
                    self.by_category.setdefault(variant + "s", series)
                    self.by_category.setdefault(variant.removesuffix("s"), series)
                    self.by_category.setdefault(f"rsis-{variant}", series)
        for category, series_slug in (mapping or {}).items():
            if series_slug not in by_slug:
                raise CommandError(f"The series map names an unknown series: {series_slug}")
            self.by_category[category] = by_slug[series_slug]
        self.default = default

    def for_code(self, code):
        return self.by_prefix.get(CODE_PATTERN.fullmatch(code)["prefix"]) if code else None

    def for_categories(self, categories):
        """The series the first mapped category names, and the categories left as subjects."""
        found, subjects = None, []
        for slug, name in categories:
            series = self.by_category.get(key(slug)) or self.by_category.get(key(name))
            if series is not None:
                found = found or series
            else:
                subjects.append((slug, name))
        return found, subjects

    def is_series_category(self, slug, name):
        return key(slug) in self.by_category or key(name) in self.by_category


@dataclass
class Credit:
    """An author as the import credits them: a member of staff, or an outside name."""

    person: Person | None = None
    name: str = ""


@dataclass
class AuthorFinder:
    """Who the names on an exported post are: staff matched by name, the operator's map, or
    outside authors (or new staff people) created as ``new_authors`` says."""

    mapping: dict = field(default_factory=dict)
    new_authors: str = OUTSIDE
    unmapped: set = field(default_factory=set)

    def __post_init__(self):
        self.people = {}
        self.by_slug = {}
        for person in Person.objects.only("id", "name", "honorific", "slug"):
            self.by_slug[person.slug] = person
            self.people.setdefault(key(person.name), person)
            self.people.setdefault(key(f"{person.honorific} {person.name}"), person)
        for target in self.mapping.values():
            named = target not in (OUTSIDE, DROP) and not target.startswith(f"{OUTSIDE}:")
            if named and target not in self.by_slug:
                raise CommandError(f"The authors file names an unknown person: {target}")

    def credits(self, names):
        """The credits for ``names`` in order, each a printed name or a (name, login) pair, and
        a note for each name that was neither mapped nor matched (once per import)."""
        credits, notes = [], []
        for name in names:
            name, *other_keys = (name,) if isinstance(name, str) else name
            credit, note = self.credit(name, other_keys)
            if credit is not None and credit not in credits:
                credits.append(credit)
            if note:
                notes.append(note)
        return credits, notes

    def credit(self, name, other_keys=()):
        name = " ".join(html.unescape(name or "").split())
        if not name:
            return None, ""
        for candidate in (*other_keys, name):
            target = self.mapping.get(key(candidate))
            if target is not None:
                return self._mapped(name, target), ""
        person = self.people.get(key(name))
        if person is not None:
            return Credit(person=person), ""
        note = ""
        if key(name) not in self.unmapped:
            self.unmapped.add(key(name))
            made = "a new staff profile" if self.new_authors == "people" else "an outside author"
            note = f"Author “{name}” matched no one on the staff: credited as {made}."
        if self.new_authors == "people":
            return Credit(person=self._new_person(name)), note
        return Credit(name=name), note

    def forget_unsaved(self):
        """Forget people made by an item whose transaction was rolled back."""
        kept = set(
            Person.objects.filter(pk__in=[p.pk for p in self.by_slug.values()]).values_list(
                "pk", flat=True
            )
        )
        for index in (self.by_slug, self.people):
            for name, person in list(index.items()):
                if person.pk not in kept:
                    del index[name]

    def _mapped(self, name, target):
        if target == DROP:
            return None
        if target == OUTSIDE:
            return Credit(name=name)
        if target.startswith(f"{OUTSIDE}:"):
            return Credit(name=target.split(":", 1)[1].strip() or name)
        return Credit(person=self.by_slug[target])

    def _new_person(self, name):
        parts = name.split()
        sort_name = f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name
        slug = unique_slug(slugify(name)[:100] or "author", set(self.by_slug))
        person = Person.objects.create(name=name[:200], sort_name=sort_name[:200], slug=slug)
        self.by_slug[slug] = person
        self.people[key(name)] = person
        return person


def byline_names(value):
    """The names in a byline such as “Chris Cheang and Tan See Seng”."""
    value = re.sub(r"^\s*by\s+", "", html.unescape(value or ""), flags=re.I)
    return [name for name in BYLINE_SEPARATORS.split(value) if name.strip()]
