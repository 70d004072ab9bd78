"""The URLs of the crawl benchmark, drawn from the database with plain SQL.

Each kind is a list of distinct paths in random order, at most ``limit`` of them: only pages
that exist (a list page is drawn between 1 and the last page its count gives, 20 items a page,
as the site links them), so every one should answer 200 or a redirect. ``draw_all`` returns
them by kind; ``search_queries`` gives one- and two-word queries from the search index's words,
the most common ones included.
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

PER_PAGE = 20  # publications.views.PER_PAGE
MEDIA_KINDS = ["highlights", "news-releases", "speeches", "videos", "audio"]
COMMON_WORDS = 25  # the most common words, asked alone and paired

COUNT = """
    SELECT count(*) FROM publications_publication p
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= now()"""
DETAIL = """
    SELECT s.slug, p.slug FROM publications_publication p
    JOIN publications_series s ON s.id = p.series_id
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= now()
    ORDER BY random() LIMIT %s"""
CATEGORY_PATHS = """
    WITH RECURSIVE tree(id, path) AS (
        SELECT id, slug::text FROM publications_category WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, tree.path || '/' || c.slug FROM publications_category c
        JOIN tree ON c.parent_id = tree.id
    ) SELECT id, path FROM tree"""
# Public publications under each category, its descendants included (rows: year, series, category).
UNDER_CATEGORY = """
    SELECT extract(year FROM p.publication_date)::int, s.slug, a.id, count(DISTINCT p.id)
    FROM publications_publication p
    JOIN publications_series s ON s.id = p.series_id
    JOIN publications_publication_categories pc ON pc.publication_id = p.id
    JOIN publications_category c ON c.id = pc.category_id
    JOIN publications_category a ON a.tree_id = c.tree_id AND c.lft BETWEEN a.lft AND a.rght
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= now()
    GROUP BY GROUPING SETS ((1, 2, 3), (1, 3), (2, 3), (3))"""
BY_YEAR_AND_SERIES = """
    SELECT extract(year FROM p.publication_date)::int, s.slug, NULL, count(*)
    FROM publications_publication p JOIN publications_series s ON s.id = p.series_id
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= now()
    GROUP BY GROUPING SETS ((1, 2), (1), (2))"""
TAGS = """
    SELECT t.slug, count(DISTINCT p.id) FROM taggit_tag t
    JOIN taggit_taggeditem ti ON ti.tag_id = t.id
    JOIN django_content_type ct ON ct.id = ti.content_type_id
        AND ct.app_label = 'publications' AND ct.model = 'publication'
    JOIN publications_publication p ON p.id = ti.object_id
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= now()
    GROUP BY t.slug"""
# Public profiles: current staff, and former staff who wrote public work.
AUTHORS = """
    SELECT pe.slug, count(DISTINCT p.id) FROM staff_person pe
    LEFT JOIN publications_authorship au ON au.person_id = pe.id
    LEFT JOIN publications_publication p ON p.id = au.publication_id
        AND p.status IN ('published', 'scheduled') AND p.published_at <= now()
    GROUP BY pe.slug, pe.active HAVING pe.active OR count(p.id) > 0"""
# Words of the search index with the number of entries holding them, most common first.
WORDS = """
    SELECT t.word, coalesce(s.ndoc, 0) AS ndoc FROM search_searchterm t
    JOIN LATERAL (SELECT lexeme FROM unnest(to_tsvector('english', t.word)) LIMIT 1) l ON true
    LEFT JOIN ts_stat('SELECT vector FROM search_searchentry') s ON s.word = l.lexeme
    ORDER BY ndoc DESC, t.word"""


def rows(conn, query, params=()):
    with conn.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def last_page(count):
    return max(1, math.ceil(count / PER_PAGE))


def with_page(path, params, page):
    """``path?params&page=N`` (no page number for the first page, as the site links it)."""
    items = list(params) + ([("page", page)] if page > 1 else [])
    return f"{path}?{urlencode(items)}" if items else path


def paged(rng, lists):
    """A random page of a random list; ``lists`` holds (path, params, item count)."""
    path, params, count = rng.choice(lists)
    return with_page(path, params, rng.randint(1, last_page(count)))


def distinct(rng, make, limit):
    """Up to ``limit`` distinct values of ``make(rng)``, in random order."""
    found = {}
    for _ in range(limit * 5):
        found[make(rng)] = None
        if len(found) >= limit:
            break
    values = list(found)
    rng.shuffle(values)
    return values


def draw_all(conn, rng, limit):
    """Every kind's paths (``mix``: an equal part of each other kind, at most ``limit``)."""
    public = rows(conn, COUNT)[0][0]
    paths = dict(rows(conn, CATEGORY_PATHS))
    combos = rows(conn, UNDER_CATEGORY) + rows(conn, BY_YEAR_AND_SERIES)
    filters = [
        ("/publications/", [(n, v) for n, v in params if v is not None], count)
        for year, series, category, count in combos
        for params in [[("year", year), ("series", series), ("category", paths.get(category))]]
    ]
    categories = [
        (f"/categories/{paths[pk]}/", [], count)
        for year, series, pk, count in combos
        if year is None and series is None and pk is not None
    ]
    tags = [(f"/tags/{slug}/", [], count) for slug, count in rows(conn, TAGS)]
    authors = rows(conn, AUTHORS)
    author_lists = [("/publications/", [("author", slug)], count) for slug, count in authors]
    pages = list(range(1, last_page(public) + 1))
    kinds = {
        "detail": [
            f"/publications/{series}/{slug}/"
            for series, slug in rows(
                conn,
                DETAIL,
                [limit],
            )
        ],
        "list": [
            with_page("/publications/", [], n) for n in rng.sample(pages, min(limit, len(pages)))
        ],
        "filters": distinct(rng, lambda r: paged(r, filters), limit),
        "categories": distinct(rng, lambda r: paged(r, categories), limit),
        "tags": distinct(rng, lambda r: paged(r, tags), limit),
        "authors": author_pages(rng, authors, author_lists, limit),
        "feeds": feeds(rng, conn, paths.values(), tags, authors),
        "search": [f"/search/?{urlencode({'q': q})}" for q in search_queries(conn, rng, limit)],
    }
    share = limit // len(kinds)
    kinds["mix"] = [path for values in kinds.values() for path in values[:share]]
    rng.shuffle(kinds["mix"])
    return kinds, public


def author_pages(rng, authors, author_lists, limit):
    """Every staff profile and author feed, and pages of each author's list."""
    fixed = [f"/staff/people/{slug}/" for slug, _ in authors]
    fixed += [f"/feeds/authors/{slug}/{kind}/" for slug, _ in authors for kind in ("rss", "atom")]
    lists = distinct(rng, lambda r: paged(r, author_lists), limit - len(fixed))
    values = fixed + lists
    rng.shuffle(values)
    return values


def feeds(rng, conn, category_paths, tags, authors):
    """Every feed of the site (publications, series, categories, tags, authors, events, media)."""
    subjects = ["publications/", "events/"]
    subjects += [
        f"series/{slug}/" for (slug,) in rows(conn, "SELECT slug FROM publications_series")
    ]
    subjects += [f"categories/{path}/" for path in category_paths]
    subjects += [path.replace("/tags/", "tags/", 1) for path, _, _ in tags]
    subjects += [f"authors/{slug}/" for slug, _ in authors]
    subjects += [f"media/{kind}/" for kind in MEDIA_KINDS]
    values = [f"/feeds/{subject}{kind}/" for subject in subjects for kind in ("rss", "atom")]
    rng.shuffle(values)
    return values


def search_queries(conn, rng, limit):
    """Up to ``limit`` distinct one- and two-word queries: every word of the index alone, then
    pairs, each word taken half the time from the most common ones."""
    words = [word for word, _ndoc in rows(conn, WORDS)]
    common = words[:COMMON_WORDS]

    def word(r):
        return r.choice(common) if r.random() < 0.5 else r.choice(words)

    pairs = distinct(rng, lambda r: " ".join(dict.fromkeys([word(r), word(r)])), limit)
    singles = list(words[:limit])
    queries = list(dict.fromkeys(singles + pairs))[:limit]
    rng.shuffle(queries)
    return queries


def sequential_queries(conn, rng, count):
    """``count`` varied queries for the one-connection check: the most common words alone,
    other single words and pairs, half and half."""
    words = [word for word, _ndoc in rows(conn, WORDS)]
    common = words[: min(10, count // 2)]
    rest = words[len(common) :]
    singles = common + rng.sample(rest, min(len(rest), count // 2 - len(common)))
    pairs = distinct(
        rng, lambda r: " ".join(dict.fromkeys([r.choice(words), r.choice(words)])), count // 2
    )
    return singles + pairs
