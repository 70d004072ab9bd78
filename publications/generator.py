"""Many plausible published items at once, to try the site at scale (``load_demo --publications``).

Everything is written with ``bulk_create`` in batches, one transaction per batch, so a hundred
thousand items take minutes, not hours. Codes continue after the highest code and counter of
each series and year, and the counters are moved past the generated codes, so editors' later
items get the next free numbers. Run it when nobody is publishing: a code an editor takes
between two batches would make the next batch fail on the unique code (nothing half-written is
kept, as each batch is atomic).
"""

import datetime
import html
import random
import zoneinfo
from collections import defaultdict
from itertools import chain

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from core.content_cache import bump_generation
from staff.models import Person

from .models import (
    CODE_PATTERN,
    Authorship,
    Category,
    IssuedCode,
    Publication,
    Series,
    SeriesCounter,
)
from .services import MAX_NUMBER

FIRST_YEAR, LAST_YEAR = 2005, 2026
SINGAPORE = zoneinfo.ZoneInfo("Asia/Singapore")
PUBLISH_TIME = datetime.time(9)
REGIONS_AXIS = "country-and-region-studies"
# Numbers of the current year left for editors, so they can still publish after a big run.
CURRENT_YEAR_RESERVE = 100

# How often each series publishes, relative to the others (unknown series count 1).
SERIES_WEIGHTS = {
    "annual-reviews": 0.15,
    "books": 0.5,
    "bulletins-and-newsletters": 1.5,
    "commentaries": 10,
    "counter-terrorist-trends-and-analyses": 1.2,
    "event-reports": 1.5,
    "idss-papers": 3,
    "interreligious-relations": 0.8,
    "monographs": 0.6,
    "nts-insight": 2,
    "policy-reports": 2.5,
    "working-papers": 3,
}
# Series that keep mostly to one axis of the category tree.
SERIES_AXES = {
    "counter-terrorist-trends-and-analyses": "conflict-and-security",
    "nts-insight": "non-traditional-security",
    "interreligious-relations": "religion-and-society",
}

# Places by region category slug, as they read inside a sentence.
PLACES = {
    "americas": ["the United States", "Canada", "Brazil", "Latin America", "Washington"],
    "east-asia-and-asia-pacific": [
        "China", "Japan", "South Korea", "the Korean Peninsula", "Australia", "Taiwan",
        "the Pacific Islands", "Northeast Asia",
    ],
    "europe": ["Europe", "the European Union", "Russia", "Ukraine", "Germany", "France",
               "the United Kingdom"],
    "global": ["the G20", "the United Nations", "the Global South", "the World Trade Organization"],
    "middle-east-and-north-africa": ["the Gulf", "Iran", "Saudi Arabia", "Türkiye", "Egypt",
                                     "the Red Sea", "the Middle East"],
    "south-asia": ["India", "Pakistan", "Bangladesh", "Sri Lanka", "Afghanistan",
                   "the Bay of Bengal"],
    "southeast-asia-and-asean": [
        "ASEAN", "Southeast Asia", "Indonesia", "Malaysia", "Vietnam", "the Philippines",
        "Thailand", "Singapore", "Myanmar", "Cambodia", "Laos", "Brunei", "Timor-Leste",
    ],
}  # fmt: skip
GENERIC_PLACES = ["Asia", "the Indo-Pacific", "the Region", "the Asia-Pacific"]

# Subjects by theme category slug, in sentence case (titles capitalise them), and the tags
# that go with the theme.
THEMES = {
    "terrorism-studies": (["returning foreign fighters", "online radicalisation",
                           "terrorist financing", "deradicalisation programmes",
                           "lone-actor attacks", "militant networks"], ["Terrorism", "Extremism"]),
    "maritime-security": (["freedom of navigation", "coast guard cooperation", "undersea cables",
                           "grey-zone tactics at sea", "illegal fishing", "port security"],
                          ["Maritime Security", "South China Sea"]),
    "cybersecurity": (["ransomware", "critical infrastructure protection", "cyber norms",
                       "election interference", "data governance", "cyber deterrence"],
                      ["Cybersecurity", "Disinformation"]),
    "military-and-defence": (["defence spending", "submarine acquisitions",
                              "military modernisation", "defence diplomacy",
                              "alliance management", "defence industry"], ["Defence"]),
    "arms-control-and-non-proliferation": (["nuclear risk reduction", "missile defence",
                                            "export controls", "chemical weapons verification"],
                                           ["Nuclear Weapons", "Arms Control"]),
    "homeland-security": (["border management", "crisis communication", "national resilience",
                           "protective security"], ["Resilience"]),
    "climate-and-environment": (["climate adaptation", "sea-level rise", "transboundary haze",
                                 "carbon markets", "extreme heat"], ["Climate Change"]),
    "energy-security": (["the energy transition", "nuclear power", "regional power grids",
                         "critical minerals", "LNG supplies"], ["Energy"]),
    "food-security": (["rice export bans", "food price shocks", "fisheries depletion",
                       "agricultural technology", "fertiliser supplies"], ["Food Security"]),
    "health-security": (["pandemic preparedness", "vaccine diplomacy",
                         "antimicrobial resistance", "health system resilience"],
                        ["Health", "COVID-19"]),
    "humanitarian-assistance-and-disaster-relief": (["disaster relief coordination",
                                                     "humanitarian access", "early warning"],
                                                    ["Disaster Relief"]),
    "migration": (["labour migration", "refugee protection", "human trafficking",
                   "climate migration"], ["Migration"]),
    "diplomacy": (["summit diplomacy", "track two dialogue", "mediation",
                   "middle-power diplomacy"], ["Diplomacy"]),
    "great-power-relations": (["US-China rivalry", "strategic competition", "hedging",
                               "alliance politics", "great-power détente"],
                              ["Great Power Rivalry", "United States", "China"]),
    "international-law-and-norms": (["the law of the sea", "international arbitration",
                                     "sanctions regimes", "norms of state behaviour"],
                                    ["International Law"]),
    "regional-architecture": (["ASEAN centrality", "the East Asia Summit", "minilateralism",
                               "the Quad", "regional institutions"],
                              ["ASEAN", "Multilateralism", "Indo-Pacific"]),
    "development-and-finance": (["infrastructure finance", "debt distress",
                                 "development assistance", "digital payments"],
                                ["Development"]),
    "economic-integration": (["the RCEP agreement", "the ASEAN Economic Community",
                              "digital economy agreements", "regional value chains"],
                             ["Trade", "Economic Integration"]),
    "supply-chains": (["semiconductor supply chains", "economic security", "friend-shoring",
                       "critical supply chains"], ["Supply Chains"]),
    "trade-and-investment": (["trade diplomacy", "investment screening", "tariff wars",
                              "free trade agreements"], ["Trade"]),
    "inter-religious-relations": (["interfaith dialogue", "religious harmony",
                                   "shared sacred spaces"], ["Religion", "Interfaith"]),
    "religion-and-politics": (["religious nationalism", "faith-based parties",
                               "religion in elections"], ["Religion"]),
    "social-cohesion": (["social cohesion", "online hate speech", "integration of newcomers",
                         "trust in institutions"], ["Social Cohesion"]),
    "artificial-intelligence": (["military artificial intelligence", "AI governance",
                                 "deepfakes", "AI safety"], ["Artificial Intelligence"]),
    "emerging-technologies": (["quantum computing", "drone warfare", "space security",
                               "biotechnology risks"], ["Technology"]),
    "science-and-technology-policy": (["research security", "technology standards",
                                       "science diplomacy"], ["Technology"]),
}  # fmt: skip
GENERIC_SUBJECTS = ["regional security", "strategic uncertainty", "policy choices"]

ANGLES = [
    "Risks and Opportunities", "What Comes Next", "Lessons for Small States",
    "A Test for Regional Order", "Beyond the Headlines", "The Case for Cooperation",
    "Managing the Fallout", "Old Problems, New Tools", "Time for a Rethink", "Why It Matters",
    "Between Rivalry and Restraint", "Reading the Signals", "The Limits of Partnership",
    "Building Resilience", "Implications for ASEAN", "A Window of Opportunity",
    "Hard Choices Ahead", "Hedging Its Bets",
]  # fmt: skip
TITLES = [
    "{Place} and {Subject}: {angle}",
    "{Subject} in {place}: {angle}",
    "What {Subject} Means for {place}",
    "Rethinking {Subject} in {place}",
    "{Subject}: {angle}",
    "{Place}’s Approach to {Subject}",
    "{Subject} and the Future of {place}",
]
SYNOPSES = [
    "{Place} faces growing pressure over {subject}. This {item} looks at recent developments, "
    "what drives them and the choices open to policymakers.",
    "Recent moves on {subject} in {place} have drawn attention across the region. The "
    "analysis weighs the risks and suggests how governments might respond.",
    "Debates over {subject} are changing how {place} deals with its neighbours. This {item} "
    "sets out the main issues and what to watch next.",
    "This {item} argues that policymakers in {place} should pay more attention to {subject}, "
    "and outlines practical steps towards cooperation.",
]
BODY_INTROS = [
    "Concern about {subject} has grown in {place} over the past year.",
    "Few issues have drawn as much comment in {place} recently as {subject}.",
    "For {place}, {subject} is no longer a distant concern.",
]
BODY_SECTIONS = [
    ("Background", "Officials and analysts have long discussed {subject}, but recent events "
     "have given the question new urgency. Governments in {place} have responded unevenly, "
     "and their priorities do not always match."),
    ("What Is at Stake", "How {place} handles {subject} will affect its economy, its "
     "security and its standing with partners. Misjudging the issue could narrow options "
     "that are open today."),
    ("Regional Dimensions", "Neighbours watch closely, since the effects of {subject} rarely "
     "stop at borders. Regional bodies offer a forum, though they move slowly and by consensus."),
    ("Policy Implications", "Clear communication, steady investment in capacity and closer "
     "work with like-minded partners would help. None of these is costly compared with the "
     "price of inaction."),
    ("Looking Ahead", "The coming years will show whether {place} can turn attention to "
     "{subject} into lasting arrangements. Much depends on political will and on events "
     "beyond anyone’s control."),
]  # fmt: skip
OTHER_TAGS = ["Southeast Asia", "Indo-Pacific", "Singapore", "Policy", "Geopolitics"]
PLACE_TAGS = {
    "ASEAN", "China", "Japan", "India", "Russia", "Indonesia", "Singapore", "Myanmar",
    "Vietnam", "Malaysia", "the Philippines", "Australia", "the United States",
}  # fmt: skip
OUTSIDE_AUTHORS = [
    ("Alicia Moreno", "Independent cyber-policy researcher"),
    ("Tomás Herrera", "Institute for Pacific Affairs"),
    ("Priya Raghavan", "Centre for Maritime Studies"),
    ("Jonas Lindqvist", "Nordic Institute of Asian Affairs"),
    ("Mei Ling Chua", "Regional Health Policy Network"),
    ("Ahmad Faisal Rahman", "Southeast Asian Policy Forum"),
    ("Grace Okafor", "Global Food Systems Initiative"),
    ("Hiroshi Tanaka", "East Asia Strategy Group"),
    ("Sarah Whitfield", "Centre for Security Analysis"),
    ("Nguyen Thi Lan", "Mekong Research Institute"),
]


def generate_publications(n, *, seed=0, batch_size=2000):
    """Create ``n`` published items spread over every series, the years 2005 to 2026 (up to
    yesterday), the category tree, a tag vocabulary and the staff. Returns how many."""
    if n <= 0:
        return 0
    rng = random.Random(seed)
    series_list = list(Series.objects.all())
    if not series_list:
        raise ValueError("Create the series first (load_demo does).")
    today = timezone.localdate()
    counters = {(c.series_id, c.year): c for c in SeriesCounter.objects.all()}
    plan = _plan(n, rng, series_list, counters, today)
    vocabulary = _Vocabulary(rng, series_list)
    content_type = ContentType.objects.get_for_model(Publication)
    through = Publication.categories.through
    taken_slugs = defaultdict(set)
    for series_id, slug in Publication.objects.values_list("series_id", "slug").iterator():
        taken_slugs[series_id].add(slug)
    created = 0
    for start in range(0, len(plan), batch_size):
        chunk = plan[start : start + batch_size]
        with transaction.atomic():
            publications, extras = [], []
            for day, series, number in chunk:
                publication, extra = vocabulary.publication(day, series, number, taken_slugs)
                publications.append(publication)
                extras.append(extra)
            Publication.objects.bulk_create(publications, batch_size=500)
            authorships, links, tagged = [], [], []
            for publication, (authors, category_ids, tag_ids) in zip(
                publications, extras, strict=True
            ):
                for order, (person_id, name, affiliation) in enumerate(authors):
                    authorships.append(
                        Authorship(
                            publication_id=publication.pk,
                            person_id=person_id,
                            name=name,
                            affiliation=affiliation,
                            order=order,
                        )
                    )
                links.extend(
                    through(publication_id=publication.pk, category_id=category_id)
                    for category_id in category_ids
                )
                tagged.extend(
                    TaggedItem(content_type_id=content_type.pk, object_id=publication.pk, tag_id=t)
                    for t in tag_ids
                )
            IssuedCode.objects.bulk_create(
                (IssuedCode(code=p.code, publication_id=p.pk) for p in publications),
                batch_size=1000,
            )
            Authorship.objects.bulk_create(authorships, batch_size=1000)
            through.objects.bulk_create(links, batch_size=1000)
            TaggedItem.objects.bulk_create(tagged, batch_size=1000)
            _advance_counters(chunk, counters)
        created += len(chunk)
    _analyze()
    bump_generation()
    return created


def _analyze():
    """Refresh PostgreSQL's statistics, which a bulk load leaves stale until autovacuum runs
    (with stale statistics the list pages pick slow plans)."""
    if connection.vendor != "postgresql":
        return
    tables = [Publication, Authorship, IssuedCode, TaggedItem, Publication.categories.through]
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _plan(n, rng, series_list, counters, today):
    """``(day, series, number)`` for ``n`` items, in date order; numbers rise with the date
    inside each series and year and start after every code and counter already there."""
    highest = defaultdict(int)
    codes = Publication.objects.exclude(code=None).values_list("code", flat=True)
    issued = IssuedCode.objects.values_list("code", flat=True)
    for code in chain(codes.iterator(), issued.iterator()):
        match = CODE_PATTERN.fullmatch(code)
        if match:
            key = (match["prefix"], int(match["year"]))
            highest[key] = max(highest[key], int(match["number"]))
    slots = []  # (series, year, last number used, highest to use, first day, last day, weight)
    last_year = min(LAST_YEAR, today.year)
    for series in series_list:
        series_weight = SERIES_WEIGHTS.get(series.slug, 1)
        for year in range(FIRST_YEAR, last_year + 1):
            first_day = datetime.date(year, 1, 1)
            last_day = min(datetime.date(year, 12, 31), today - datetime.timedelta(days=1))
            if last_day < first_day:
                continue
            counter = counters.get((series.pk, year))
            used = max(counter.last_number if counter else 0,
                       highest[(series.code_prefix, year % 100)])  # fmt: skip
            days_share = ((last_day - first_day).days + 1) / 365
            weight = series_weight * (1 + 0.12 * (year - FIRST_YEAR)) * days_share
            limit = MAX_NUMBER - (CURRENT_YEAR_RESERVE if year == today.year else 0)
            slots.append((series, year, used, limit, first_day, last_day, weight))
    capacity = [max(0, limit - used) for _, _, used, limit, *_ in slots]
    if n > sum(capacity):
        raise ValueError(f"Only {sum(capacity)} codes are free in {FIRST_YEAR}–{last_year}.")
    counts = _share(n, [slot[-1] for slot in slots], capacity)
    plan = []
    for (series, _, used, _, first_day, last_day, _), count in zip(slots, counts, strict=True):
        span = (last_day - first_day).days + 1
        days = sorted(first_day + datetime.timedelta(rng.randrange(span)) for _ in range(count))
        plan.extend((day, series, used + i + 1) for i, day in enumerate(days))
    plan.sort(key=lambda item: (item[0], item[1].order, item[1].pk, item[2]))
    return plan


def _share(n, weights, capacity):
    """Split ``n`` in proportion to ``weights`` without giving any slot more than its capacity."""
    share = [0.0] * len(weights)
    free = {i for i, cap in enumerate(capacity) if cap > 0 and weights[i] > 0}
    left = float(n)
    while left > 1e-9 and free:
        total = sum(weights[i] for i in free)
        full = [i for i in free if share[i] + left * weights[i] / total >= capacity[i]]
        if not full:
            for i in free:
                share[i] += left * weights[i] / total
            break
        for i in full:
            left -= capacity[i] - share[i]
            share[i] = float(capacity[i])
            free.discard(i)
    counts = [min(int(value), capacity[i]) for i, value in enumerate(share)]
    by_remainder = sorted(range(len(share)), key=lambda i: share[i] - counts[i], reverse=True)
    missing = n - sum(counts)
    while missing > 0:  # rounding, or slots without weight; n fits, so this ends
        for i in by_remainder:
            if missing and counts[i] < capacity[i]:
                counts[i] += 1
                missing -= 1
    return counts


def _advance_counters(chunk, counters):
    """Move each touched series-year counter up to the highest number of this batch."""
    highest = {}
    for day, series, number in chunk:
        key = (series.pk, day.year)
        highest[key] = max(highest.get(key, 0), number)
    for (series_id, year), number in highest.items():
        counter = counters.get((series_id, year))
        if counter is None:
            counter, _ = SeriesCounter.objects.get_or_create(series_id=series_id, year=year)
            counters[(series_id, year)] = counter
        SeriesCounter.objects.filter(pk=counter.pk, last_number__lt=number).update(
            last_number=number
        )
        counter.last_number = max(counter.last_number, number)


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


class _Vocabulary:
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
