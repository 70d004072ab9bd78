"""Crawl benchmark: the site as a crawler meets it, every URL a cache miss.

Run from anywhere as ``.venv/bin/python bench/crawl.py`` (or ``make bench-crawl ARGS=…``). It

1. creates the PostgreSQL database ``rsis_bench_crawl``, migrates it and loads the demo content
   with 100,000 generated publications (several minutes; ``--reuse`` measures an already loaded
   database as it is, and never changes or drops it; ``--revision REV`` measures the code of a
   commit, checked out into a temporary worktree, instead of the working tree);
2. draws random URLs of each kind from the database (``bench/crawl_urls.py``): publication
   pages, every linked page of the publication list, filter combinations, category, tag and
   author pages with their deep pages, feeds, search words from the index, and a mix of all;
3. starts ``bench/bare.py`` and the site under gunicorn (2 sync workers each, page cache off,
   Redis cache in a database of its own) and, round by round, loads the bare view and then each
   kind with ``wrk`` (a Lua script walks the shuffled URLs, so a URL is rarely asked twice),
   emptying every cache first: the site's Redis keys are deleted and its gunicorn restarted;
4. sends 10,000 mixed requests and follows the workers' memory, times 200 search queries one
   after another, and compares the first and the last page of the publication list, each a miss;
5. writes the figures beside the goals to ``docs/benchmarks.md`` between the crawl markers.

The exit status is 1 when a kind answers errors (a drawn URL should always exist).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import crawl_report
import crawl_urls
import run as bench
from run import BenchError, Gunicorn, free_port, log, write_report

bench.DB_NAME = DEFAULT_DB = "rsis_bench_crawl"
bench.REDIS_URL = "redis://127.0.0.1:6379/12"  # apart from the other benchmarks' keys
# Walks the paths file: thread i of n asks paths start+i, start+i+n, … (wrapping around).
LUA = """local paths = {}
for line in io.lines("%(file)s") do paths[#paths + 1] = line end
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) step = %(threads)d; nxt = %(start)d + id end
function request()
  local path = paths[(nxt - 1) %% #paths + 1]
  nxt = nxt + step
  return wrk.format(nil, path)
end
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--publications", type=int, default=100_000, help="generated publications (100000)")
    add("--database", default=DEFAULT_DB, help=f"database name ({DEFAULT_DB})")
    add("--reuse", action="store_true", help="measure the loaded database as is, keep it")
    add("--keep", action="store_true", help="keep the database this run loads")
    add("--revision", help="measure this git revision (a temporary worktree), not the tree")
    add("--rounds", type=int, default=3, help="measurement rounds (3)")
    add("--duration", type=int, default=8, help="seconds per kind and round (8)")
    add("--connections", type=int, default=8, help="wrk connections (8)")
    add("--threads", type=int, default=2, help="wrk threads (2)")
    add("--urls", type=int, default=20_000, help="URLs drawn per kind (20000)")
    add("--long", type=int, default=10_000, help="mixed requests of the memory phase (10000)")
    add("--queries", type=int, default=200, help="sequential search queries (200)")
    add("--seed", type=int, default=2026, help="random seed of the drawn URLs")
    add("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    add("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    if not args.reuse and args.database != DEFAULT_DB and database_exists(args.database):
        parser.error(f"{args.database} exists: measure it with --reuse, or choose another name")
    return args


def database_exists(name):
    conn = bench.pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cur.fetchone() is not None
    finally:
        conn.close()


class Site:
    """The site's gunicorn, restarted with every cache emptied before each measurement."""

    def __init__(self, env, tmp_path, source):
        self.server = Gunicorn("site", "rsis_site.wsgi", free_port(), env, tmp_path)
        self.tmp_path, self.source, self.walks = tmp_path, source, 0

    @property
    def url(self):
        return self.server.base_url

    def fresh(self, args):
        """Empty Redis and the workers' memory, then let both workers boot and load the code."""
        self.server.stop()
        bench.clear_redis_cache()
        self.server.start(chdir=self.source)
        for _ in range(20):  # until both workers have loaded the code, menu, footer, templates
            sample = wrk(f"{self.url}/no-such-page/", 1, args)
            if sample.requests >= 20 and sample.p99_ms < 200:
                break
        if len(self.workers()) != bench.WORKERS:
            raise BenchError(f"the site runs {len(self.workers())} workers after a restart")

    def workers(self):
        pid = self.server.process.pid
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]

    def rss_mb(self):
        """The resident memory of each worker, in MB."""
        sizes = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
            sizes.append(int(kb) / 1024)
        return sizes

    def walk(self, paths, seconds, args, start=0):
        """Load the site with ``paths`` in their order for ``seconds``; fail on any error."""
        self.walks += 1
        listed = self.tmp_path / f"paths-{self.walks}.txt"
        listed.write_text("\n".join(paths) + "\n")
        script = self.tmp_path / f"walk-{self.walks}.lua"
        script.write_text(LUA % {"file": listed, "threads": args.threads, "start": start})
        sample = wrk(self.url, seconds, args, script)
        if not sample.requests:
            raise BenchError(f"no answer in {seconds} s: lengthen --duration")
        if sample.non_2xx_3xx or sample.socket_errors:
            raise BenchError(
                f"{sample.non_2xx_3xx} answers were errors, {sample.socket_errors} socket errors"
                " (connect, read, write or 30 s timeout);"
                f" first failing URLs: {failing(self.url, paths[start : start + 300])}"
            )
        return sample


def wrk(url, seconds, args, script=None):
    # A slow answer counts in the latencies, not as an error.
    return bench.wrk(
        url,
        seconds,
        threads=args.threads,
        connections=args.connections,
        script=script,
        timeout="30s",
    )


def fetch(base_url, path):
    """Ask ``path`` once; return its status and how long the answer took, in ms."""
    host, port = base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    started = time.perf_counter()
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
    finally:
        conn.close()
    return response.status, (time.perf_counter() - started) * 1000


def failing(base_url, paths, most=5):
    """The first few of ``paths`` that answer neither 2xx nor 3xx, with their status."""
    found = []
    for path in paths:
        status, _ms = fetch(base_url, path)
        if status >= 400:
            found.append(f"{path} ({status})")
        if len(found) >= most:
            break
    return found


def check(site, kinds):
    """Ask a few URLs of each kind, the deepest list page among them; fail on an error."""
    for kind, paths in kinds.items():
        bad = failing(site.url, [*paths[:5], max(paths, key=page_number)])
        if bad:
            raise BenchError(f"{kind}: URLs drawn from the database answer errors: {bad}")


def page_number(path):
    found = re.search(r"[?&]page=(\d+)", path)
    return int(found.group(1)) if found else 1


def measure(site, bare, kinds, args):
    """Round by round: the bare view, then each kind on a freshly emptied site."""
    samples = {"bare": [], **{kind: [] for kind in kinds}}
    memory = {kind: [] for kind in kinds}
    for number in range(args.rounds):
        samples["bare"].append(wrk(f"{bare.base_url}/", args.duration, args))
        log(f"round {number + 1}  bare view {samples['bare'][-1].rps:>10.1f} req/s")
        for kind, paths in kinds.items():
            site.fresh(args)
            before = site.rss_mb()
            sample = site.walk(paths, args.duration, args, start=number * 2000)
            samples[kind].append(sample)
            memory[kind].append((max(before), max(site.rss_mb())))
            log(
                f"round {number + 1}  {kind:<10} {sample.rps:>10.1f} req/s  p50"
                f" {bench.fmt_ms(sample.p50_ms):>9}  p99 {bench.fmt_ms(sample.p99_ms):>9}"
                f"  RSS {memory[kind][-1][0]:.0f} → {memory[kind][-1][1]:.0f} MB"
            )
    return samples, memory


def long_run(site, paths, args, chunk=15):
    """``args.long`` mixed requests on an emptied site: (requests so far, RSS per worker)."""
    site.fresh(args)
    points, done = [(0, site.rss_mb())], 0
    while done < args.long:
        done += site.walk(paths, chunk, args, start=done).requests
        points.append((done, site.rss_mb()))
        log(
            f"memory: {done:>6} requests, workers {', '.join(f'{m:.0f}' for m in points[-1][1])} MB"
        )
    return points


def sequential_search(site, queries, args):
    """Each query asked once over one connection, after the caches are emptied (ms)."""
    site.fresh(args)
    times = []
    for query in queries:
        status, ms = fetch(site.url, f"/search/?{urlencode({'q': query})}")
        if status >= 400:
            raise BenchError(f"search for {query!r} answered {status}")
        times.append(ms)
    return times


def first_and_last(site, last, args, trials=7):
    """Times (ms) of the first and the last list page, each asked once after a restart."""
    first_ms, last_ms = [], []
    for trial in range(trials):
        site.fresh(args)
        wrk(f"{site.url}/publications/?page=2", 1, args)  # the count, menu and filters are kept
        order = [("/publications/", first_ms), (f"/publications/?page={last}", last_ms)]
        for path, times in order if trial % 2 == 0 else order[::-1]:
            status, ms = fetch(site.url, path)
            if status != 200:
                raise BenchError(f"{path} answered {status}")
            times.append(ms)
    return first_ms, last_ms


def prepare(env, args, source):
    manage = [sys.executable, str(source / "manage.py")]
    if not args.reuse:
        log(f"Creating {bench.DB_NAME} and loading {args.publications:,} publications…")
        bench.create_database()
        bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
        load = ["load_demo", "--no-admin", "--no-photos", "--publications", str(args.publications)]
        bench.run_checked([*manage, *load], env)
    log("Collecting static files…")
    bench.run_checked([*manage, "collectstatic", "--noinput", "-v0"], env)


def checkout(revision, tmp_path):
    """A worktree of ``revision`` in ``tmp_path`` (None: the working tree as it is)."""
    if not revision:
        return bench.ROOT
    worktree = tmp_path / "source"
    command = ["git", "worktree", "add", "--detach", str(worktree), revision]
    subprocess.run(command, cwd=bench.ROOT, check=True, capture_output=True)
    return worktree


def run(args, tmp_path, source):
    config = bench.Config("crawl", "crawl", bench.REDIS_URL, 0, 0.05)
    env = bench.site_env(tmp_path / "static", config)
    prepare(env, args, source)
    conn = bench.pg_connect(bench.DB_NAME)
    try:
        log("Drawing URLs from the database…")
        rng = random.Random(args.seed)
        kinds, public = crawl_urls.draw_all(conn, rng, args.urls)
        queries = crawl_urls.sequential_queries(conn, rng, args.queries)
    finally:
        conn.close()
    log(", ".join(f"{kind}: {len(paths):,}" for kind, paths in kinds.items()))
    bare_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
    bare = Gunicorn("bare", "bare:application", free_port(), bare_env, tmp_path)
    site = Site(env, tmp_path, source)
    try:
        bare.start(chdir=bench.BENCH_DIR)
        site.fresh(args)
        check(site, kinds)
        samples, memory = measure(site, bare, kinds, args)
        points = long_run(site, kinds["mix"], args)
        search_ms = sequential_search(site, queries, args)
        pages = first_and_last(site, crawl_urls.last_page(public), args)
        if site.server.problems():
            raise BenchError("the site logged errors:\n" + "\n".join(site.server.problems()[:20]))
    except BenchError as error:
        raise BenchError(f"{error}\n{site.server.log_tail()}") from error
    finally:
        site.server.stop()
        bare.stop()
        bench.clear_redis_cache()
    return (samples, memory, points, search_ms, pages), kinds, public


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    bench.DB_NAME = args.database
    started = dt.datetime.now().astimezone()
    if args.revision:  # the commit it names now, whatever happens to the branch meanwhile
        args.revision = crawl_report.commit_of(args.revision)
    args.code = crawl_report.code_label(args.revision)
    with tempfile.TemporaryDirectory(prefix="rsis-bench-crawl-") as tmp:
        source = checkout(args.revision, Path(tmp))
        try:
            results, kinds, public = run(args, Path(tmp), source)
        except BenchError as error:
            print(f"\nCrawl benchmark failed: {error}", file=sys.stderr)
            return 1
        finally:
            if not (args.reuse or args.keep):
                log(f"Dropping {bench.DB_NAME}…")
                bench.drop_database()
            if args.revision:
                command = ["git", "worktree", "remove", "--force", str(source)]
                subprocess.run(command, cwd=bench.ROOT, check=False, capture_output=True)
    section = crawl_report.report(results, kinds, public, args, started)
    print("\n" + section)
    if not args.no_write:
        write_report(args.output, section, crawl_report.START_MARKER, crawl_report.END_MARKER)
        log(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
