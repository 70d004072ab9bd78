"""Import benchmark: how long ``manage.py import_wordpress`` takes over a large export.

Run from anywhere as ``.venv/bin/python bench/imports.py`` (or ``make bench-imports``). The
script

1. writes a WordPress export of ``--posts`` posts (10,000 by default) with nested categories,
   tags and authors and no files, half of them with a series code in the title and half filed
   in a series by their category, with a few drafts and posts awaiting review;
2. for PostgreSQL (a fresh database ``rsis_bench_imports``) and SQLite (a fresh file), migrates,
   loads the demo content, then times the first import, a second run of the same export
   (nothing changed) and a third run after 1% of the posts changed, each as its own process;
3. writes the figures to ``docs/benchmarks.md`` between the import markers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run as bench
from run import BenchError, log, write_report

sys.path.insert(0, str(bench.ROOT))

from tests.imports.export import Post, author, export  # noqa: E402

bench.DB_NAME = "rsis_bench_imports"
START_MARKER = "<!-- imports:start -->"
END_MARKER = "<!-- imports:end -->"
SERIES = [
    ("CO", "rsis-commentaries", "RSIS Commentaries"),
    ("PR", "policy-reports", "Policy Reports"),
    ("WP", "working-papers", "Working Papers"),
    ("IP", "idss-papers", "IDSS Papers"),
    ("NTS", "nts-insight", "NTS Insight"),
    ("MN", "monographs", "Monographs"),
]
PARAGRAPH = (
    "Southeast Asian states have long balanced between the great powers, and the visit of a "
    "foreign minister is read in every capital for what it says about that balance. "
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the export (10000)")
    parser.add_argument("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    return parser.parse_args(argv)


def categories():
    parents = [f"region-{n}" for n in range(8)]
    nested = [(f"{p}-area-{m}", f"Area {m} of {p}", p) for p in parents for m in range(5)]
    return [(p, p.replace("-", " ").title(), "") for p in parents] + nested


def posts(count, *, changed=()):
    """The export's posts: codes spread over years and series so that none runs out."""
    subjects = [slug for slug, _, parent in categories() if parent]
    items = []
    for n in range(count):
        prefix, category, name = SERIES[n % len(SERIES)]
        year = 2008 + (n // len(SERIES)) % 16
        # Codes in titles from 500 up; the counter gives the others theirs from 1.
        number = 500 + n // (len(SERIES) * 16)
        title = f"Balancing act number {n}: the region between the powers"
        if n in changed:
            title += " (corrected)"
        if n % 2 == 0:
            title = f"{prefix}{year % 100:02d}{number:03d} | {title}"
        status = "draft" if n % 50 == 7 else "pending" if n % 50 == 9 else "publish"
        date = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d} 09:{n % 60:02d}:00"
        items.append(
            Post(
                100 + n,
                title,
                content="\n\n".join(PARAGRAPH * 3 for _ in range(5)),
                excerpt=PARAGRAPH,
                status=status,
                date=date,
                slug=f"balancing-act-{n}",
                creator=f"author{n % 50}",
                categories=((category, name), (subjects[n % len(subjects)], "Area")),
                tags=tuple((f"topic-{(n + k) % 300}", f"Topic {(n + k) % 300}") for k in range(3)),
            )
        )
    return items


def write_export(path, count, *, changed=()):
    text = export(
        posts(count, changed=changed),
        authors=[author(f"author{n}", f"Writer Number{n}") for n in range(50)],
        categories=[(slug, name, parent) for slug, name, parent in categories()]
        + [(slug, name, "") for _, slug, name in SERIES],
    )
    path.write_text(text)
    return path.stat().st_size


# Runs manage.py and then says the largest resident memory the process had.
MEASURED = (
    "import resource, runpy, sys\n"
    "sys.argv = sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
    "finally:\n"
    "    print('max-rss-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def timed(command, env):
    """(seconds, output, largest resident memory in kB) of ``manage.py`` with ``command``."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *command[1:]],
        cwd=bench.ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BenchError(
            f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    rss = [
        int(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("max-rss")
    ]
    return elapsed, result.stdout, rss[0] if rss else 0


def measure(label, env, export_path, changed_path):
    manage = [sys.executable, str(bench.ROOT / "manage.py")]
    log(f"{label}: migrating and loading the demo content…")
    bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
    bench.run_checked([*manage, "load_demo", "--no-admin", "--no-photos"], env)
    figures = {}
    for name, path in (("first", export_path), ("again", export_path), ("changed", changed_path)):
        log(f"{label}: import ({name})…")
        figures[name], output, rss = timed([*manage, "import_wordpress", str(path)], env)
        figures["rss"] = max(figures.get("rss", 0), rss)
        figures[f"{name}_report"] = [
            line for line in output.splitlines() if line.startswith("post")
        ]
    return figures


def report(results, count, size):
    lines = [
        START_MARKER,
        "## Importing a WordPress export",
        "",
        f"`make bench-imports`: an export of {count:,} posts ({size / 1e6:.1f} MB; nested "
        "categories, 300 tags, 50 authors, no files) imported with `manage.py import_wordpress` "
        "into a database holding the demo content; each run is its own process, timed from start "
        "to exit (reading the file twice, one transaction per item, redirects, search entries).",
        "",
        "| database | first import | posts/s | second run (no change) | after 1% changed |",
        "|---|---|---|---|---|",
    ]
    for label, figures in results.items():
        lines.append(
            f"| {label} | {figures['first']:.1f} s | {count / figures['first']:,.0f} "
            f"| {figures['again']:.1f} s | {figures['changed']:.1f} s |"
        )
    lines += [
        "",
        "Largest resident memory of an import process: "
        + ", ".join(f"{label} {figures['rss'] / 1024:.0f} MB" for label, figures in results.items())
        + f" (the export is {size / 1e6:.0f} MB: it is read as a stream, never whole).",
        "",
        "What the runs reported (posts: created, updated, unchanged, skipped):",
        "",
    ]
    for label, figures in results.items():
        for name in ("first", "again", "changed"):
            lines.append(f"- {label}, {name}: `{' '.join(figures[f'{name}_report'])}`")
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def main(argv=None):
    args = parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        log(f"Writing an export of {args.posts:,} posts…")
        export_path = tmp / "export.xml"
        size = write_export(export_path, args.posts)
        changed_path = tmp / "changed.xml"
        write_export(changed_path, args.posts, changed=set(range(0, args.posts, 100)))
        env = bench.site_env(tmp / "static", bench.CONFIGS[0])
        env.pop("CACHE_URL", None)
        if not args.skip_postgres:
            bench.create_database()
            try:
                results["PostgreSQL"] = measure("PostgreSQL", env, export_path, changed_path)
            finally:
                bench.drop_database()
        if not args.skip_sqlite:
            sqlite_env = {**env, "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}"}
            results["SQLite"] = measure("SQLite", sqlite_env, export_path, changed_path)
    section = report(results, args.posts, size)
    write_report(args.output, section, START_MARKER, END_MARKER)
    print(section)


if __name__ == "__main__":
    main()
