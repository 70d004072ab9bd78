"""Search benchmark: typical queries against 100000 generated publications on PostgreSQL.

Run from anywhere as ``.venv/bin/python bench/search.py``. The script

1. creates the PostgreSQL database ``rsis_bench_search`` (dropping an old one), migrates it and
   runs ``load_demo --no-photos --no-admin --publications 100000``, which also builds the
   search entries of the generated items (``--reuse`` keeps a database already loaded);
2. asks each query of ``QUERIES`` many times, in rounds (every query once per round, so
   machine noise hits all alike), two ways: the search itself (``search.services``: words,
   facets, counts and the first page of results with snippets, items loaded through
   ``public()``), and the whole page through Django's test client (the page cache off);
3. asks ``VARIED`` (200) one- and two-word queries drawn from the index (words of the titles
   of entries picked at random with a fixed seed, so common words come up as often as a
   visitor would type them, and the most common word of all), each once per round, and
   reports their median, 95th and 99th percentiles;
4. writes the figures to ``docs/benchmarks.md`` between the search markers, with the
   machine's details, and drops the database (``--keep`` keeps it).

Nothing is cached between runs except what every page keeps per content generation (the
menu, the series, the category tree). The site keeps the answer to each search for the rest of
its content generation; the benchmark does not let it, so every run searches afresh (the
throughput benchmark, ``bench/run.py``, measures the page as visitors get it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
DB_NAME = "rsis_bench_search"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
PUBLICATIONS = 100_000
START_MARKER = "<!-- search:start -->"
END_MARKER = "<!-- search:end -->"
AIM_MS = 50
VARIED = 200
SEED = "rsis-search"

# (what it is, query-string parameters)
QUERIES = [
    ("one word", {"q": "maritime"}),
    ("a phrase", {"q": '"freedom of navigation"'}),
    ("a name", {"q": "Chris Cheang"}),
    ("a misspelled name", {"q": "Chris Chaeng"}),
    ("a code", {"q": "CO21113"}),
    ("words and two facets", {"q": "ransomware", "series": "commentaries", "year": "2023"}),
    ("the seed's subject, misspelled", {"q": "Lavorv"}),
    ("a word in most items", {"q": "security"}),
]


def database_url():
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}"


def admin_connection():
    connection = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres")
    connection.autocommit = True
    return connection


def admin(*statements):
    """Run ``statements`` (e.g. CREATE DATABASE) outside any transaction."""
    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(sql.SQL(statement).format(sql.Identifier(DB_NAME)))
    finally:
        connection.close()


def recreate_database():
    admin("DROP DATABASE IF EXISTS {}", "CREATE DATABASE {}")


def drop_database():
    admin("DROP DATABASE IF EXISTS {}")


def manage(*args, env):
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True)
    return time.perf_counter() - started


def load(env):
    """A fresh database with the demo content and the generated publications."""
    recreate_database()
    manage("migrate", "--noinput", "-v0", env=env)
    seconds = manage(
        "load_demo", "--no-photos", "--no-admin", "--publications", str(PUBLICATIONS), env=env
    )
    print(f"Loaded the demo content and {PUBLICATIONS} publications in {seconds:.0f} s.")


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_index():
    """Build the entries if ``load_demo`` did not (e.g. a reused database from before)."""
    from django.core.management import call_command

    from publications.models import Publication
    from search.models import SearchEntry

    if SearchEntry.objects.filter(kind="publication").count() < Publication.objects.count():
        started = time.perf_counter()
        call_command("rebuild_search", verbosity=1)
        print(f"Built the search entries in {time.perf_counter() - started:.0f} s.")


def varied_queries(count=VARIED):
    """``count`` queries drawn from the index: half one word, half two neighbouring words of
    the titles of entries picked at random (the same ones every run), and the most common
    title word of all. Words of fewer than four letters are left out, as visitors rarely
    search for them alone."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title FROM search_searchentry WHERE kind = 'publication' "
            "ORDER BY md5(%s || id::text) LIMIT %s",
            [SEED, count],
        )
        titles = [title for (title,) in cursor.fetchall()]
    queries, frequency = [], {}
    pick = random.Random(SEED)
    for number, title in enumerate(titles):
        words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", title)]
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
        if not words:
            continue
        start = pick.randrange(len(words))
        if number % 2 and start + 1 < len(words):
            queries.append(" ".join(words[start : start + 2]))
        else:
            queries.append(words[start])
    commonest = max(frequency, key=frequency.get)
    return [commonest, *queries[: count - 1]]


def search_once(params):
    """The search as the page runs it, without rendering: returns (results, milliseconds)."""
    from django.http import QueryDict

    from search.request import SearchRequest, code_target
    from search.services import run

    started = time.perf_counter()
    search = SearchRequest.from_query(QueryDict(urlencode(params)))
    if code_target(search):
        found = "1"
    else:
        outcome = run(search)
        found = outcome.facets.total_label  # "10,000+" when counting stopped
        list(outcome.results[0:10])
    return found, (time.perf_counter() - started) * 1000


def page_once(client, params):
    started = time.perf_counter()
    response = client.get("/search/", params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code not in (200, 302):
        raise RuntimeError(f"/search/?{urlencode(params)} answered {response.status_code}")
    return elapsed


def forget_code_lookups():
    """Codes are looked up once per content generation; forget them so each run pays."""
    from django.core.cache import cache

    from core import content_cache

    generation = content_cache.current_generation()
    for key in [key for key in content_cache._local if key[0].startswith("publications:code")]:
        del content_cache._local[key]
    codes = [params["q"].upper() for _, params in QUERIES if " " not in params["q"]]
    cache.delete_many([f"content:publications:code:{code}:{generation}" for code in codes])


def measure(runs, varied_runs):
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    import search.views
    from navigation.menu import get_menu

    # Every run searches afresh: the answer is not kept for the next run.
    search.views.memo_html = lambda name, build: build()
    client = Client()
    timings = {label: {"search": [], "page": [], "found": 0} for label, _ in QUERIES}
    varied = {"queries": varied_queries(), "search": [], "bounded": 0, "found": []}
    # Plain static files: the benchmark does not collect them (no manifest to read).
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(PAGE_CACHE_SECONDS=0, STORAGES=storages):
        client.get("/")  # the menu and site facts, as on any warm site
        for _round in range(runs):
            for label, params in QUERIES:
                forget_code_lookups()
                get_menu()
                found, elapsed = search_once(params)
                timings[label]["search"].append(elapsed)
                timings[label]["found"] = found
                forget_code_lookups()
                get_menu()
                timings[label]["page"].append(page_once(client, params))
        for _round in range(varied_runs):
            varied["found"] = []
            for words in varied["queries"]:
                found, elapsed = search_once({"q": words})
                varied["search"].append(elapsed)
                varied["found"].append(found)
    return timings, varied


def percentile(values, share):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[index]


def machine_details():
    from django import get_version
    from django.db import connection

    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        buffers = cursor.fetchone()[0]
    return [
        ("Date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", cpu.group(1).strip() if cpu else platform.processor() or "unknown"),
        ("Cores", str(os.cpu_count())),
        ("RAM", f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "unknown"),
        ("PostgreSQL", f"{server} (shared_buffers {buffers})"),
        ("Python / Django", f"{platform.python_version()} / {get_version()}"),
    ]


def report(timings, varied, runs, varied_runs, counts):
    from search.facets import COUNT_BOUND

    bound = f"{COUNT_BOUND:,}"
    lines = [
        START_MARKER,
        "## Search",
        "",
        f"`bench/search.py`: {counts['publications']} publications ({PUBLICATIONS} generated "
        f"plus the demo's), {counts['entries']} search entries, PostgreSQL full-text search. "
        "*Search* is the search itself (words, facets and counts, and the first page of ten "
        "results with snippets, the items loaded through `public()`); *page* is the whole "
        "`/search/` page through Django's test client with the page cache off and the "
        "answer not kept between runs (a code answers with a redirect). Times in "
        "milliseconds. The machine is shared: other people's tests and benchmarks ran at the "
        "same time, so read the medians more than the tails.",
        "",
        "How a search stays fast whatever the word: the matches are read from the full-text "
        f"index only as far as needed. Counts are exact up to {bound} matches; beyond, the "
        f'page says "{bound}+" and that the counts beside the filters are of the first {bound} '
        f"found. The results are ranked among those and up to {bound} items with the words in "
        "their title, names or summary (the only ones the rank puts first), found through an "
        "index of their own; sorted by date, a word with more matches is read from the "
        "newest-first index. No word makes the search read and rank all its matches.",
        "",
        f"### {len(varied['queries'])} varied queries drawn from the index",
        "",
        "One- and two-word queries: words of the titles of entries picked at random (a fixed "
        "seed, so every run asks the same ones), and the most common title word, "
        f"`{varied['queries'][0]}`; each asked {varied_runs} times, in rounds, through the "
        "search itself, sequentially, with nothing kept between runs but the menu, the "
        "series, the category tree and the ids of the public people and events (kept per "
        "content generation, as on the site).",
        "",
        "| queries | counted to the bound | median | p95 | p99 | slowest |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    times = varied["search"]
    bounded = sum(1 for found in varied["found"] if found.endswith("+"))
    lines.append(
        f"| {len(varied['queries'])} | {bounded} | {statistics.median(times):.1f} | "
        f"{percentile(times, 0.95):.1f} | {percentile(times, 0.99):.1f} | {max(times):.1f} |"
    )
    lines += [
        "",
        f"Aim: p95 under {AIM_MS} ms and p99 under 150 ms, sequentially. Before this design "
        "every match was counted into five facets and ranked before the first ten were "
        "taken: the same 200 queries, asked the same way on the same database, gave a median "
        "of 28 ms, p95 144 ms and p99 249 ms on a busy machine (44, 179 and 369 ms in an "
        "earlier, quieter measure), and `q=security` (72,323 matches) 290 ms.",
        "",
        "### Typical queries",
        "",
        f"Each query ran {runs} times, in rounds.",
        "",
        "| query | results | search median | search p95 | page median | page p95 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, params in QUERIES:
        t = timings[label]
        query = urlencode(params).replace("|", "\\|")
        lines.append(
            f"| {label}: `{query}` | {t['found']} | {statistics.median(t['search']):.1f} | "
            f"{percentile(t['search'], 0.95):.1f} | {statistics.median(t['page']):.1f} | "
            f"{percentile(t['page'], 0.95):.1f} |"
        )
    within = [label for label, _ in QUERIES if percentile(timings[label]["search"], 0.95) < AIM_MS]
    lines += [
        "",
        f"{len(within)} of {len(QUERIES)} typical queries have a 95th percentile under "
        f"{AIM_MS} ms.",
        "",
        "Machine:",
        "",
    ]
    lines += [f"- {name}: {value}" for name, value in machine_details()]
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def write(section, output):
    text = output.read_text() if output.exists() else "# Benchmarks\n"
    if START_MARKER in text and END_MARKER in text:
        before, rest = text.split(START_MARKER, 1)
        after = rest.split(END_MARKER, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    output.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="times each query runs")
    parser.add_argument(
        "--varied-runs", type=int, default=3, help="times each of the varied queries runs"
    )
    parser.add_argument("--reuse", action="store_true", help="use the loaded database as is")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "rsis_site.settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost",
        "DJANGO_PAGE_CACHE_SECONDS": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
    }
    env.pop("CACHE_URL", None)
    if not args.reuse:
        load(env)
    setup_django(env)
    try:
        ensure_index()
        from publications.models import Publication
        from search.models import SearchEntry

        counts = {
            "publications": Publication.objects.count(),
            "entries": SearchEntry.objects.count(),
        }
        timings, varied = measure(args.runs, args.varied_runs)
        section = report(timings, varied, args.runs, args.varied_runs, counts)
        write(section, args.output)
        print(section)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database()


if __name__ == "__main__":
    main()
