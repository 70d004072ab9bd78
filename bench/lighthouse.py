"""Lighthouse scores of the main public pages, as a phone sees them, over three runs.

Run from anywhere as ``.venv/bin/python bench/lighthouse.py`` (or ``make bench-lighthouse``).
The script

1. creates the PostgreSQL database ``rsis_bench_lighthouse`` (dropping an old one), migrates it,
   loads the demo content (with its photographs) and collects the static files, with the
   production settings of the throughput benchmark (DEBUG off, compressed manifest static files,
   whole pages cached for anonymous visitors) — see ``bench/run.py``;
2. starts the site under gunicorn with 2 sync workers on a free loopback port;
3. runs Lighthouse (``npx lighthouse@12.2.3``, the mobile preset with its simulated throttling,
   Debian's chromium through ``CHROME_PATH`` with ``--headless=new --no-sandbox``) on the home,
   list, detail and event pages, every page once per round, three rounds;
4. writes the four category scores of every run, and the audits that cost any page a point, to
   ``docs/benchmarks.md`` between the Lighthouse markers, then stops gunicorn and drops the
   database.

The exit status is 1 when any score of any run is below 100.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import run as bench
from run import BenchError, Gunicorn, log

ROOT = bench.ROOT
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
START_MARKER = "<!-- lighthouse:start -->"
END_MARKER = "<!-- lighthouse:end -->"

# (what it is, path)
PAGES = [
    ("home", "/"),
    ("list", "/publications/"),
    ("detail", "/publications/commentaries/"
               "russia-and-southeast-asia-what-lavrovs-july-visits-mean/"),
    ("event", "/events/maritime-domain-awareness-malacca-strait/"),
]  # fmt: skip

# The production setup without Redis: whole pages cached for anonymous visitors.
CONFIG = bench.Config("Lighthouse", "lighthouse", None, 300, 0.0)


@dataclass
class Run:
    """One Lighthouse run of one page."""

    scores: dict[str, int]
    metrics: dict[str, str]
    # audit id -> (category, title, display value) for every scored audit below full marks
    lost: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # audit id -> (title, display value) for the unscored opportunities Lighthouse points out
    hints: dict[str, tuple[str, str]] = field(default_factory=dict)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds over the pages (3)")
    parser.add_argument(
        "--output", type=Path, default=bench.DEFAULT_OUTPUT, help="Markdown file to update"
    )
    parser.add_argument("--no-write", action="store_true", help="print results only")
    parser.add_argument(
        "--keep-reports", type=Path, help="also keep every Lighthouse JSON report in this folder"
    )
    return parser.parse_args(argv)


def prepare_site(static_root: Path) -> dict[str, str]:
    """Migrate the fresh database, load the demo content, collect the static files."""
    env = bench.site_env(static_root, CONFIG)
    manage = [sys.executable, str(ROOT / "manage.py")]
    log("Migrating the Lighthouse database…")
    bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
    log("Loading the demo content…")
    bench.run_checked([*manage, "load_demo", "--no-admin"], env)
    log("Collecting static files…")
    bench.run_checked([*manage, "collectstatic", "--noinput", "-v0"], env)
    return env


def lighthouse(url: str, keep: Path | None, name: str) -> Run:
    """Run Lighthouse once on ``url`` and read the scores from its JSON report."""
    command = [
        "npx", "--yes", LIGHTHOUSE, url,
        "--output=json", "--output-path=stdout", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0 or not result.stdout.strip():
        raise BenchError(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{name}.json").write_text(result.stdout)
    if report.get("runtimeError"):
        raise BenchError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    audits = report["audits"]
    metrics = {
        key: audits[key].get("displayValue", "")
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                    "cumulative-layout-shift")
    }  # fmt: skip
    lost, hints = {}, {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit["score"] is None or audit["score"] >= 1:
                continue
            if ref["weight"]:
                lost[ref["id"]] = (category, audit["title"], audit.get("displayValue", ""))
            elif audit.get("details", {}).get("type") == "opportunity":
                hints[ref["id"]] = (audit["title"], audit.get("displayValue", ""))
    return Run(scores, metrics, lost, hints)


def render(results: dict[str, list[Run]], args, started: dt.datetime) -> str:
    chromium = bench.command_version([CHROME_PATH, "--version"], r"Chromium\s+(\S+)")
    lines = [
        START_MARKER,
        "## Lighthouse",
        "",
        f"Measured {started:%Y-%m-%d %H:%M %Z} by `bench/lighthouse.py`: Lighthouse "
        f"{LIGHTHOUSE.split('@')[1]} (mobile, simulated throttling) in Chromium {chromium} "
        f"(`{CHROME_FLAGS}`), {args.runs} runs of each page of the demo content, served by "
        "gunicorn (2 sync workers) with DEBUG off, compressed manifest static files and whole "
        "pages cached for anonymous visitors.",
        "",
        "| page | URL | run | performance | accessibility | best practices | SEO | FCP | LCP "
        "| TBT | CLS |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (what, path), runs in zip(PAGES, results.values(), strict=True):
        for number, item in enumerate(runs, start=1):
            scores = " | ".join(str(item.scores[c]) for c in CATEGORIES)
            metrics = " | ".join(item.metrics.values())
            lines.append(f"| {what} | `{path}` | {number} | {scores} | {metrics} |")
    lost: dict[str, dict] = {}
    for (what, _path), runs in zip(PAGES, results.values(), strict=True):
        for number, item in enumerate(runs, start=1):
            for audit_id, (category, title, value) in item.lost.items():
                entry = lost.setdefault(audit_id, {"what": (category, title), "runs": []})
                entry["runs"].append(f"{what} {number}" + (f" ({value})" if value else ""))
    lines.append("")
    if lost:
        lines += ["Audits below full marks (page and run):", ""]
        for audit_id, entry in sorted(lost.items()):
            category, title = entry["what"]
            lines.append(f"- {category}, `{audit_id}` ({title}): {', '.join(entry['runs'])}")
    else:
        lines.append("Every scored audit passed in every run.")
    hints: dict[str, tuple[str, set[str]]] = {}
    for (what, _path), runs in zip(PAGES, results.values(), strict=True):
        for item in runs:
            for audit_id, (title, value) in item.hints.items():
                hints.setdefault(audit_id, (title, set()))[1].add(
                    what + (f" ({value})" if value else "")
                )
    if hints:
        lines += ["", "Opportunities Lighthouse points out without scoring them:", ""]
        for audit_id, (title, pages) in sorted(hints.items()):
            lines.append(f"- `{audit_id}` ({title}): {', '.join(sorted(pages))}")
    lines += ["", END_MARKER]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("npx") is None or not Path(CHROME_PATH).exists():
        print("Lighthouse needs npx (Node.js) and chromium (apt-get install -y nodejs chromium).")
        return 2
    bench.DB_NAME = "rsis_bench_lighthouse"
    started = dt.datetime.now().astimezone()
    results: dict[str, list[Run]] = {path: [] for _what, path in PAGES}
    with tempfile.TemporaryDirectory(prefix="rsis-lighthouse-") as tmp_name:
        tmp = Path(tmp_name)
        site = None
        try:
            log(f"Creating the PostgreSQL database {bench.DB_NAME}…")
            bench.create_database()
            env = prepare_site(tmp / "static")
            site = Gunicorn("lighthouse", "rsis_site.wsgi", bench.free_port(), env, tmp)
            site.start()
            for what, path in PAGES:  # every page answers, and is in the page cache
                bench.check_status(bench.Target(what, what, site.base_url + path, 200))
            for number in range(1, args.runs + 1):
                for what, path in PAGES:
                    log(f"Run {number}: {what} ({path})…")
                    item = lighthouse(site.base_url + path, args.keep_reports, f"{what}-{number}")
                    log("  " + ", ".join(f"{c} {item.scores[c]}" for c in CATEGORIES))
                    results[path].append(item)
            problems = site.problems()
            if problems:
                raise BenchError("gunicorn logged errors:\n" + "\n".join(problems[:20]))
        except BenchError as error:
            print(f"Benchmark failed: {error}", file=sys.stderr)
            return 1
        finally:
            if site is not None:
                site.stop()
            bench.drop_database()
    section = render(results, args, started)
    print("\n" + section)
    if not args.no_write:
        bench.write_report(args.output, section, START_MARKER, END_MARKER)
        log(f"Wrote {args.output}")
    perfect = all(
        score == 100 for runs in results.values() for item in runs for score in item.scores.values()
    )
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
