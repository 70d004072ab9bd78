"""Many plausible published items at once, to try the site at scale (``load_demo --publications``).

Everything is written with ``bulk_create`` in batches, one transaction per batch, so a hundred
thousand items take minutes, not hours. Codes continue after the highest code and counter of
each series and year, and the counters are moved past the generated codes, so editors' later
items get the next free numbers. Run it when nobody is publishing: a code an editor takes
between two batches would make the next batch fail on the unique code (nothing half-written is
kept, as each batch is atomic).
"""

import random
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import TaggedItem

from core.content_cache import bump_generation
from publications.models import Authorship, IssuedCode, Publication, Series, SeriesCounter

from .plan import advance_counters, plan
from .vocabulary import Vocabulary


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
    schedule = plan(n, rng, series_list, counters, today)
    vocabulary = Vocabulary(rng, series_list)
    content_type = ContentType.objects.get_for_model(Publication)
    through = Publication.categories.through
    taken_slugs = defaultdict(set)
    for series_id, slug in Publication.objects.values_list("series_id", "slug").iterator():
        taken_slugs[series_id].add(slug)
    created = 0
    for start in range(0, len(schedule), batch_size):
        chunk = schedule[start : start + batch_size]
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
            advance_counters(chunk, counters)
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
