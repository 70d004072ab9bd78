"""Public-page throughput benchmark: the site under gunicorn against a bare Django view.

Run from anywhere as ``.venv/bin/python bench/run.py`` (or ``make bench``). The script

1. creates a fresh PostgreSQL database, migrates it, loads the demo content and collects the
   static files into a temporary directory (DEBUG off, so the manifest storage is used);
2. starts ``bench/bare.py`` (one view returning ``HttpResponse("ok")``) and the site, each under
   gunicorn with 2 sync workers on its own free loopback port;
3. checks that every page answers with the expected status, then loads each URL with ``wrk``,
   interleaving the bare view and the pages round by round so machine noise hits both alike;
4. repeats step 3 with the Redis cache (the production setup) instead of local memory;
5. writes the medians to ``docs/benchmarks.md`` between the throughput markers, then stops
   every gunicorn and drops the database.

The exit status is 1 when a page serves less than the target share of the bare view's req/s.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.metadata
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
import redis
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
VENV_BIN = Path(sys.executable).parent

DB_NAME = "rsis_bench"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
REDIS_URL = "redis://127.0.0.1:6379/9"
CACHE_KEY_PREFIX = "rsis"  # KEY_PREFIX in rsis_site/settings/base.py
WORKERS = 2

START_MARKER = "<!-- throughput:start -->"
END_MARKER = "<!-- throughput:end -->"

# (path, what it is, expected HTTP status)
PAGES = [
    ("/", "home", 200),
    ("/about-rsis/", "section page", 200),
    ("/about-rsis/introduction/", "content page", 200),
    ("/search/?q=security", "search", 200),
    ("/staff/", "staff directory", 200),
    ("/staff/people/chris-cheang/", "staff profile", 200),
    ("/research/idss/", "research centre", 200),
    ("/publications/", "all publications", 200),
    ("/publications/commentaries/?page=7", "series list, page 7", 200),
    (
        "/publications/?year=2021&category=country-and-region-studies&series=commentaries",
        "filtered list",
        200,
    ),
    (
        "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/",
        "publication",
        200,
    ),
    ("/p/co21113/", "short link (301)", 301),
    ("/feeds/series/commentaries/rss/", "series feed", 200),
    ("/events/", "events", 200),
    ("/events/maritime-domain-awareness-malacca-strait/", "event", 200),
    ("/events/maritime-domain-awareness-malacca-strait/event.ics", "event iCalendar", 200),
    ("/media/highlights/", "media highlights", 200),
    ("/feeds/events/rss/", "events feed", 200),
    ("/no-such-page/", "404 page", 404),
]
BARE_PATH = "/"


@dataclass(frozen=True)
class Config:
    """One way of running the site: its cache, whether whole pages are cached, its target."""

    name: str
    slug: str
    cache_url: str | None
    page_cache_seconds: int
    target: float  # least share of the bare view's req/s every page must serve


CONFIGS = [
    Config("Uncached pages, local-memory cache (default)", "locmem", None, 0, 0.10),
    Config("Uncached pages, Redis cache (production setup)", "redis", REDIS_URL, 0, 0.10),
    Config("Cached anonymous pages, Redis cache (production setup)", "redis-pages",
           REDIS_URL, 300, 0.50),
]  # fmt: skip

LOG_PROBLEM = re.compile(r"Traceback|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT|Exception", re.I)


class BenchError(RuntimeError):
    """A benchmark step failed; the message says which and why."""


@dataclass
class Sample:
    """One wrk run: throughput, latency percentiles and any error counts."""

    rps: float
    p50_ms: float | None
    p99_ms: float | None
    requests: int
    non_2xx_3xx: int = 0
    socket_errors: int = 0


@dataclass
class Target:
    """A URL under load and every sample taken from it."""

    label: str
    what: str
    url: str
    expected_status: int
    samples: list[Sample] = field(default_factory=list)

    def median(self, attribute: str) -> float | None:
        """Median of one Sample attribute over the rounds, ignoring missing values."""
        values = [getattr(s, attribute) for s in self.samples]
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    def total(self, attribute: str) -> int:
        """Sum of one Sample counter over the rounds."""
        return sum(getattr(s, attribute) for s in self.samples)


@dataclass
class ConfigResult:
    """The bare baseline and the site pages measured under one cache configuration."""

    config: Config
    bare: Target
    pages: list[Target]
    log_problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line; ``--quick`` overrides rounds, duration and warm-up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--rounds", type=int, default=3, help="measurement rounds (3)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per URL (2)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 1 round of 3 s, 1 s warm-up"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown file to update"
    )
    parser.add_argument("--no-write", action="store_true", help="print results only")
    parser.add_argument(
        "--publications",
        type=int,
        default=100_000,
        help="generated publications on top of the demo content (100000)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.duration, args.warmup = 1, 3, 1
    if args.rounds < 1 or args.duration < 1 or args.warmup < 0:
        parser.error("--rounds and --duration must be at least 1, --warmup at least 0")
    return args


def log(message: str) -> None:
    """Print a progress line immediately."""
    print(message, flush=True)


def free_port() -> int:
    """Ask the kernel for a free loopback port (never 8000, which is left to `make run`)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port != 8000:
            return port


def site_env(static_root: Path, config: Config) -> dict[str, str]:
    """The production-like environment for manage.py and the site's gunicorn."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "CACHE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="rsis_site.settings.base",
        DATABASE_URL=f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "k" * 48,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_STATIC_ROOT=str(static_root),
        PYTHONUNBUFFERED="1",
    )
    if config.cache_url:
        env["CACHE_URL"] = config.cache_url
    env["DJANGO_PAGE_CACHE_SECONDS"] = str(config.page_cache_seconds)
    return env


def run_checked(command: list[str], env: dict[str, str]) -> None:
    """Run a command in the project root and fail loudly with its output if it fails."""
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(
            f"{' '.join(command)} exited with {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )


# --------------------------------------------------------------------------- database / cache


def pg_connect(dbname: str = "postgres"):
    """Open an autocommit connection to the local PostgreSQL server."""
    conn = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=dbname)
    conn.autocommit = True
    return conn


def drop_database() -> None:
    """Drop the bench database, closing any connection still open to it."""
    conn = pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DB_NAME))
            )
    finally:
        conn.close()


def create_database() -> None:
    """Drop and recreate the bench database."""
    drop_database()
    conn = pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DB_NAME)))
    finally:
        conn.close()


def prepare_site(static_root: Path, publications: int) -> None:
    """Migrate the fresh database, load the demo content and collect the static files."""
    env = site_env(static_root, CONFIGS[0])
    manage = [sys.executable, str(ROOT / "manage.py")]
    log("Migrating the bench database…")
    run_checked([*manage, "migrate", "--noinput", "-v0"], env)
    log("Loading the demo content…")
    run_checked([*manage, "load_demo", "--no-admin", "--publications", str(publications)], env)
    log("Collecting static files…")
    run_checked([*manage, "collectstatic", "--noinput", "-v0"], env)


def clear_redis_cache() -> None:
    """Delete the site's keys from the bench Redis database, leaving any other keys alone."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=f"{CACHE_KEY_PREFIX}:*", count=500))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


# --------------------------------------------------------------------------- gunicorn


class Gunicorn:
    """A gunicorn master started in its own session, with its output in a log file."""

    def __init__(self, name: str, app: str, port: int, env: dict[str, str], log_dir: Path):
        self.name, self.app, self.port, self.env = name, app, port, env
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        """The root URL this server listens on."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, chdir: Path = ROOT, timeout: float = 60) -> None:
        """Start gunicorn and wait until it answers HTTP requests."""
        command = [
            str(VENV_BIN / "gunicorn"),
            self.app,
            "--chdir",
            str(chdir),
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--no-control-socket",  # the default socket path is shared by every gunicorn
        ]
        with open(self.log_path, "ab") as log_file:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(
                    f"gunicorn ({self.name}) exited with {self.process.returncode}.\n"
                    + self.log_tail()
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        raise BenchError(f"gunicorn ({self.name}) did not listen on {self.port} in {timeout}s")

    def stop(self, timeout: float = 15) -> None:
        """Terminate gunicorn gracefully, then kill it (and its workers) if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def log_tail(self, chars: int = 4000) -> str:
        """The end of this server's log, for error messages."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return f"--- end of gunicorn ({self.name}) log ---\n{text[-chars:]}"

    def problems(self) -> list[str]:
        """Lines of the log that report errors, tracebacks or worker timeouts."""
        if not self.log_path.exists():
            return []
        lines = self.log_path.read_text(errors="replace").splitlines()
        return [line for line in lines if LOG_PROBLEM.search(line)]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report redirects as they are instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_status(target: Target) -> None:
    """Request the URL once and fail loudly unless it answers with the expected status."""
    try:
        with _OPENER.open(target.url, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except OSError as error:
        raise BenchError(f"{target.url} could not be fetched: {error}") from error
    if status != target.expected_status:
        excerpt = body[:500].decode(errors="replace")
        raise BenchError(
            f"{target.url} answered {status}, expected {target.expected_status}:\n{excerpt}"
        )


# --------------------------------------------------------------------------- wrk

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _to_ms(value: str, unit: str) -> float:
    """Convert a wrk duration such as ``1.23ms`` to milliseconds."""
    return float(value) * _UNITS_MS[unit]


def parse_wrk(output: str) -> Sample:
    """Read req/s, latency p50/p99, request count and error counts from wrk's report."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if not rps:
        raise BenchError(f"wrk printed no 'Requests/sec:' line:\n{output}")
    percentiles = {
        int(pct): _to_ms(value, unit)
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M
        )
    }
    requests = re.search(r"^\s+(\d+) requests in", output, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Sample(
        rps=float(rps.group(1)),
        p50_ms=percentiles.get(50),
        p99_ms=percentiles.get(99),
        requests=int(requests.group(1)) if requests else 0,
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def wrk(
    url: str,
    seconds: int,
    *,
    threads: int = 2,
    connections: int = 8,
    script: Path | None = None,
    header: str | None = None,
    timeout: str | None = None,
) -> Sample:
    """Load ``url`` with wrk for ``seconds``; ``script`` is a Lua script choosing each request,
    ``header`` one more request header, ``timeout`` wrk's own (e.g. "30s": a slow answer then
    counts in the latencies rather than as an error)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", timeout] if timeout else []
    command += ["-s", str(script)] if script else []
    command += ["-H", header] if header else []
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return parse_wrk(result.stdout)


def run_wrk(url: str, seconds: int, args: argparse.Namespace) -> Sample:
    """Load one URL with wrk for the given number of seconds."""
    return wrk(url, seconds, threads=args.threads, connections=args.connections)


def measure(result: ConfigResult, args: argparse.Namespace) -> None:
    """Warm every URL up, then load bare view and pages in turn for each round."""
    targets = [result.bare, *result.pages]
    for target in targets:
        check_status(target)
    if args.warmup:
        log(f"  warm-up: {args.warmup} s per URL")
        for target in targets:
            run_wrk(target.url, args.warmup, args)
    for round_number in range(1, args.rounds + 1):
        for target in targets:
            sample = run_wrk(target.url, args.duration, args)
            target.samples.append(sample)
            log(
                f"  round {round_number}/{args.rounds}  {target.label:<28}"
                f" {sample.rps:>9.1f} req/s  p50 {fmt_ms(sample.p50_ms):>9}"
                f"  p99 {fmt_ms(sample.p99_ms):>9}"
            )


# --------------------------------------------------------------------------- report


def fmt_ms(value: float | None) -> str:
    """Format a latency in milliseconds for the table."""
    return "–" if value is None else f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def share(page: Target, bare: Target) -> float:
    """Median page req/s as a fraction of the median bare-view req/s."""
    return page.median("rps") / bare.median("rps")


def command_version(command: list[str], pattern: str) -> str:
    """First match of ``pattern`` in a command's output, or 'unknown'."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    match = re.search(pattern, result.stdout + result.stderr)
    return match.group(1) if match else "unknown"


def machine_details() -> list[tuple[str, str]]:
    """CPU, memory and the versions of everything involved in the measurement."""
    cpuinfo = (
        Path("/proc/cpuinfo").read_text(errors="replace") if Path("/proc/cpuinfo").exists() else ""
    )
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem = re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)
    conn = pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW server_version")
            pg_version = cur.fetchone()[0]
    finally:
        conn.close()
    client = redis.Redis.from_url(REDIS_URL)
    try:
        redis_version = client.info("server").get("redis_version", "unknown")
    except redis.RedisError:
        redis_version = "unknown"
    finally:
        client.close()
    return [
        ("CPU", cpu.group(1).strip() if cpu else platform.processor() or "unknown"),
        ("Cores", str(os.cpu_count())),
        ("Memory", f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB" if mem else "unknown"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Django", importlib.metadata.version("django")),
        ("PostgreSQL", pg_version),
        ("Redis", redis_version),
        ("gunicorn", importlib.metadata.version("gunicorn")),
        ("wrk", command_version(["wrk", "--version"], r"wrk\s+(\S+)")),
    ]


def render_config(result: ConfigResult) -> list[str]:
    """The Markdown table for one cache configuration."""
    lines = [
        f"### {result.config.name}",
        "",
        "| URL | what | median req/s | p50 latency | p99 latency | % of bare view |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for target in [result.bare, *result.pages]:
        percent = 100 * share(target, result.bare)
        below = percent < 100 * result.config.target
        flag = " ⚠" if target is not result.bare and below else ""
        if target is not result.bare and not counts_for_target(result, target):
            flag = " (never cached)"
        lines.append(
            f"| `{target.label}` | {target.what} | {target.median('rps'):,.1f} |"
            f" {fmt_ms(target.median('p50_ms'))} | {fmt_ms(target.median('p99_ms'))} |"
            f" {percent:.1f}%{flag} |"
        )
    bare_rps = [sample.rps for sample in result.bare.samples]
    lines += [
        "",
        f"Noise: across the rounds the bare view ranged {min(bare_rps):,.0f}–"
        f"{max(bare_rps):,.0f} req/s. ⚠ marks a page below the target.",
    ]
    notes = []
    for target in [result.bare, *result.pages]:
        unexpected = target.total("non_2xx_3xx") if target.expected_status < 300 else 0
        if unexpected or target.total("socket_errors"):
            notes.append(
                f"`{target.label}`: {unexpected} unexpected non-2xx/3xx responses,"
                f" {target.total('socket_errors')} socket errors"
            )
    if result.log_problems:
        notes.append(
            f"gunicorn logged {len(result.log_problems)} error line(s), e.g. "
            f"`{result.log_problems[0].strip()[:160]}`"
        )
    if notes:
        lines += ["", "Problems seen: " + "; ".join(notes) + "."]
    return lines


def render_section(
    results: list[ConfigResult], args: argparse.Namespace, started: dt.datetime
) -> str:
    """The whole generated section, markers included."""
    details = machine_details()
    misses = missed_targets(results)
    lines = [
        START_MARKER,
        "## Public-page throughput",
        "",
        f"Generated by `bench/run.py` on {started:%Y-%m-%d %H:%M %Z}"
        + (" (quick smoke run: not representative)." if args.quick else "."),
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in details],
        "",
        "**Method.** The site runs under gunicorn (2 sync workers, DEBUG off, PostgreSQL, demo"
        " content, manifest static storage) next to `bench/bare.py`, a"
        ' single-file Django app whose one view returns `HttpResponse("ok")`, served by'
        " gunicorn with the same 2 sync workers on its own port. Every URL is first checked"
        " for its expected status, warmed up for"
        f" {args.warmup} s, then loaded with `wrk -t{args.threads} -c{args.connections}"
        f" -d{args.duration}s --latency` for {args.rounds} round(s); each round loads the"
        " bare view and then every page, so machine noise affects both alike. The tables give"
        " the median over the rounds, and the page's median req/s as a share of the bare"
        " view's. wrk, both servers and PostgreSQL/Redis share the same"
        f" {os.cpu_count()} cores, so absolute figures are lower than on a dedicated host;"
        " the ratio is the figure to compare. *Uncached* runs turn the anonymous page cache"
        " off (`DJANGO_PAGE_CACHE_SECONDS=0`): every request runs its view and renders its"
        " template (the menu, site facts and footer are kept per content generation). The"
        " *cached* run is what an anonymous visitor gets in production.",
        "",
    ]
    for result in results:
        lines += [*render_config(result), ""]
    verdict = (
        "met by every page"
        if not misses
        else "**missed** by " + ", ".join(f"`{label}` ({name})" for name, label, _ in misses)
    )
    lines += [
        "**Targets:** every uncached page ≥ 10% of the bare view's req/s, every cached"
        f" anonymous page ≥ 50% — {verdict}.",
        END_MARKER,
    ]
    return "\n".join(lines) + "\n"


def counts_for_target(result: ConfigResult, page: Target) -> bool:
    """Not-found responses are never cached, so they count only in the uncached runs."""
    return page.expected_status == 200 or result.config.page_cache_seconds == 0


def missed_targets(results: list[ConfigResult]) -> list[tuple[str, str, float]]:
    """(configuration, URL, share) for every page below the target share."""
    return [
        (result.config.name, page.label, share(page, result.bare))
        for result in results
        for page in result.pages
        if counts_for_target(result, page) and share(page, result.bare) < result.config.target
    ]


def write_report(
    path: Path, section: str, start_marker: str = START_MARKER, end_marker: str = END_MARKER
) -> None:
    """Replace the generated section of the Markdown file, keeping everything else.

    ``section`` starts with ``start_marker`` and ends with ``end_marker``.
    """
    if path.exists():
        text = path.read_text()
        start, end = text.find(start_marker), text.find(end_marker)
        if start != -1 and end > start:
            rest = text[end + len(end_marker) :].lstrip("\n")
            text = text[:start] + section + ("\n" + rest if rest else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
    else:
        text = "# Benchmarks\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


# --------------------------------------------------------------------------- main


def run(args: argparse.Namespace) -> list[ConfigResult]:
    """Prepare the database, start the servers and measure every cache configuration."""
    servers: list[Gunicorn] = []
    results: list[ConfigResult] = []
    with tempfile.TemporaryDirectory(prefix="rsis-bench-") as tmp:
        tmp_path = Path(tmp)
        static_root = tmp_path / "static"
        try:
            log(f"Creating the PostgreSQL database {DB_NAME}…")
            create_database()
            prepare_site(static_root, args.publications)
            bare_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
            bare = Gunicorn("bare", "bare:application", free_port(), bare_env, tmp_path)
            servers.append(bare)
            bare.start(chdir=BENCH_DIR)
            log(f"Bare view on {bare.base_url}")
            for config in CONFIGS:
                if config.cache_url:
                    clear_redis_cache()
                env = site_env(static_root, config)
                site = Gunicorn(f"site-{config.slug}", "rsis_site.wsgi", free_port(), env, tmp_path)
                servers.append(site)
                site.start()
                log(f"{config.name}: site on {site.base_url}")
                result = ConfigResult(
                    config=config,
                    bare=Target("bare " + BARE_PATH, "bare Django view", bare.base_url + "/", 200),
                    pages=[
                        Target(path, what, site.base_url + path, status)
                        for path, what, status in PAGES
                    ],
                )
                bare_problems_before = len(bare.problems())
                try:
                    measure(result, args)
                except BenchError as error:
                    raise BenchError(f"{error}\n\n{site.log_tail()}") from error
                site.stop()
                result.log_problems = site.problems() + bare.problems()[bare_problems_before:]
                results.append(result)
        finally:
            for server in reversed(servers):
                server.stop()
            if any(config.cache_url for config in CONFIGS):
                try:
                    clear_redis_cache()
                except redis.RedisError as error:
                    log(f"Could not clear the bench Redis keys: {error}")
            log(f"Dropping the database {DB_NAME}…")
            drop_database()
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write docs/benchmarks.md and return the exit status."""
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        print(
            "wrk is not installed. Install it first, e.g. `sudo apt-get install -y wrk`"
            " (Debian/Ubuntu) or `brew install wrk` (macOS), then run this again.",
            file=sys.stderr,
        )
        return 2
    if not (VENV_BIN / "gunicorn").exists():
        print(f"gunicorn not found next to {sys.executable}; run `make install`.", file=sys.stderr)
        return 2
    started = dt.datetime.now().astimezone()
    try:
        results = run(args)
    except BenchError as error:
        print(f"\nBenchmark failed: {error}", file=sys.stderr)
        return 1
    section = render_section(results, args, started)
    print("\n" + section)
    if not args.no_write:
        write_report(args.output, section)
        log(f"Wrote {args.output}")
    misses = missed_targets(results)
    for name, label, value in misses:
        print(f"Target missed: {label} ({name}) at {value:.1%} of the bare view", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
