"""Two app servers behind nginx against one: throughput, latency and CPU on the same machine.

Run from anywhere as ``.venv/bin/python bench/scale.py`` (or ``make bench-scale``). It

1. uses ``rsis_bench_crawl`` when it holds the crawl benchmark's publications (it is only
   read, never changed), else builds ``rsis_bench_scale``: the demo content plus
   ``--publications`` generated ones (10,000 by default, bench/crawl.py's loader), dropped at
   the end unless ``--keep`` (a kept one is used again by the next run);
2. starts ``bench/bare.py`` under gunicorn (2 sync workers) and two nginx instances from
   ``deploy/nginx/rsis.conf`` (TLS, buffering, its keepalive upstream) with nginx's page cache
   off, so every request reaches gunicorn: one's upstream is app server A alone, the other's
   A and B in round robin. Each app server is a gunicorn with 2 sync workers on its own port;
   both share one PostgreSQL database and one Redis cache database;
3. round by round loads the bare view directly, then each kind of load on 1 and on 2 app
   servers (the order alternating between rounds). Before each measurement every app server is
   stopped, the site's Redis keys deleted, the servers needed started afresh and their workers
   warmed on the 404 page. *Warm*: a handful of pages asked over and over, page cache on (after
   a warm-up through nginx they come from the page and content caches). *Misses*: random URLs
   drawn from the database as ``bench/crawl_urls.py`` draws them (its ``mix``), page cache
   off, walked by a wrk Lua script so that a URL is rarely asked twice;
4. follows the CPU time of the app workers, nginx and wrk, and the machine's, during each run;
5. writes the medians to ``docs/benchmarks.md`` between the scale markers.

On a machine with few cores the two servers share the same CPUs: the figure then shows what the
second server costs, not what it would gain on a host of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import resource
import shutil
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import crawl
import crawl_urls
import run as bench
from run import BenchError, Gunicorn, Sample, free_port, log, write_report

CRAWL_DB, OWN_DB = "rsis_bench_crawl", "rsis_bench_scale"
bench.REDIS_URL = "redis://127.0.0.1:6379/13"  # apart from the other benchmarks' keys
START_MARKER, END_MARKER = "<!-- scale:start -->", "<!-- scale:end -->"
NGINX_CONFIG = bench.ROOT / "deploy" / "nginx" / "rsis.conf"
WARM_PAGES = [
    "/",
    "/about-rsis/introduction/",
    "/publications/",
    "/publications/commentaries/russia-and-southeast-asia-what-lavrovs-july-visits-mean/",
    "/events/",
    "/staff/",
]
KINDS = {
    "warm": "warm pages: 6 demo pages over and over, page cache on",
    "misses": "cache misses: random URLs of every kind, page cache off, caches emptied",
}
SETUPS = (1, 2)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
NGINX_VERSION = r"nginx/(\S+)"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--publications", type=int, default=10_000, help="generated publications when building")
    add("--keep", action="store_true", help=f"keep {OWN_DB} when this run builds it")
    add("--rounds", type=int, default=3, help="measurement rounds (3)")
    add("--duration", type=int, default=10, help="seconds per wrk run (10)")
    add("--warmup", type=int, default=3, help="seconds of warm-up through nginx, warm pages (3)")
    add("--connections", type=int, default=8, help="wrk connections (8)")
    add("--threads", type=int, default=2, help="wrk threads (2)")
    add("--urls", type=int, default=8_000, help="random URLs drawn for the misses (8000)")
    add("--seed", type=int, default=2026, help="random seed of the drawn URLs")
    add("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    add("--no-write", action="store_true", help="print the figures only")
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- database


def publications_in(name):
    """How many publications the database holds, or None when it does not exist or is empty."""
    if not crawl.database_exists(name):
        return None
    conn = bench.pg_connect(name)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass('publications_publication') IS NOT NULL")
            if not cur.fetchone()[0]:
                return None
            cur.execute("SELECT count(*) FROM publications_publication")
            return cur.fetchone()[0] or None
    finally:
        conn.close()


def choose_database(args, env_for):
    """Set bench.DB_NAME to a loaded database; return (how it was found, whether to drop it)."""
    count = publications_in(CRAWL_DB)
    if count and count >= 100_000:
        bench.DB_NAME = CRAWL_DB
        return f"`{CRAWL_DB}` (the crawl benchmark's, reused as it is)", False
    bench.DB_NAME = OWN_DB
    count = publications_in(OWN_DB)
    if count and count > args.publications:  # kept by an earlier run: loaded and migrated
        return f"`{OWN_DB}` (built by this script with `--keep` earlier, reused)", False
    log(f"Creating {OWN_DB} and loading the demo content + {args.publications:,} publications…")
    bench.create_database()
    manage = [sys.executable, str(bench.ROOT / "manage.py")]
    env = env_for(0)
    bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
    load = ["load_demo", "--no-admin", "--no-photos", "--publications", str(args.publications)]
    bench.run_checked([*manage, *load], env)
    return f"`{OWN_DB}` (built by this run)", not args.keep


# --------------------------------------------------------------------------- servers


def site_env(static_root, page_cache_seconds):
    config = bench.Config("scale", "scale", bench.REDIS_URL, page_cache_seconds, 0)
    env = bench.site_env(static_root, config)
    env["DJANGO_PROXY_COUNT"] = "1"  # behind nginx, as in production
    return env


class Nginx:
    """nginx started from the shipped file, with its own ports, paths and upstream servers."""

    def __init__(self, name, tmp_path, app_ports):
        self.root = tmp_path / f"nginx-{name}"
        self.root.mkdir()
        self.port, self.http_port = free_port(), free_port()
        self.app_ports = app_ports
        self.process = None

    @property
    def url(self):
        return f"https://localhost:{self.port}"

    def config(self, cert, key, static_root):
        text = NGINX_CONFIG.read_text()
        servers = "\n".join(f"    server 127.0.0.1:{port};" for port in self.app_ports)
        replacements = {
            "    server 127.0.0.1:8000;  # site: where gunicorn listens": servers,
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen [::]:80;": "",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.port} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            "listen 80 default_server;": f"listen 127.0.0.1:{self.http_port} default_server;",
            "listen [::]:80 default_server;": "",
            "listen 443 ssl default_server;": f"listen 127.0.0.1:{self.port} ssl default_server;",
            "listen [::]:443 ssl default_server;": "",
            "server_name www.example.org;": "server_name localhost;",
            "/etc/ssl/certs/rsis.pem": str(cert),
            "/etc/ssl/private/rsis.key": str(key),
            "/srv/rsis/static/": f"{static_root}/",
            "/srv/rsis/media/": f"{self.root / 'media'}/",
            "/var/cache/nginx/rsis": str(self.root / "cache"),
            # Off, so that every request reaches an app server.
            "proxy_cache rsis_pages;": "proxy_cache off;",
        }
        for old, new in replacements.items():
            if old not in text:
                raise BenchError(f"{NGINX_CONFIG.name} no longer says {old!r}")
            text = text.replace(old, new)
        return text

    def start(self, cert, key, static_root):
        for folder in ("cache", "media", *(f"{k}_temp" for k in TEMP_KINDS)):
            (self.root / folder).mkdir()
        (self.root / "rsis.conf").write_text(self.config(cert, key, static_root))
        temp = " ".join(f"{k}_temp_path {self.root / (k + '_temp')};" for k in TEMP_KINDS)
        user = "user root;" if os.geteuid() == 0 else ""
        (self.root / "nginx.conf").write_text(
            f"daemon off;\n{user}\nworker_processes auto;\npid {self.root / 'nginx.pid'};\n"
            f"error_log {self.root / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n    access_log off;\n"
            f"    {temp}\n    include {self.root / 'rsis.conf'};\n}}\n"
        )
        command = ["nginx", "-p", str(self.root), "-c", str(self.root / "nginx.conf")]
        with open(self.root / "nginx.log", "wb") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"nginx exited: {(self.root / 'nginx.log').read_text()}")
            if (self.root / "nginx.pid").exists() and len(children(self.process.pid)) > 0:
                return
            time.sleep(0.1)
        raise BenchError("nginx did not start its workers in 15 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)

    def problems(self):
        path = self.root / "error.log"
        lines = path.read_text(errors="replace").splitlines() if path.exists() else []
        return [line for line in lines if any(f"[{w}]" in line for w in PROBLEM_LEVELS)]


TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
PROBLEM_LEVELS = ("error", "crit", "alert", "emerg")


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cpu_times(pids):
    """User + system CPU seconds of each of these processes so far (gone ones left out)."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
    return times


def database_pids():
    """This database's PostgreSQL backends and the Redis server's processes."""
    conn = bench.pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [bench.DB_NAME])
            pids = [pid for (pid,) in cur.fetchall()]
    finally:
        conn.close()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "redis-server":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def machine_busy():
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values) - idle) / CLOCK_TICKS, sum(values) / CLOCK_TICKS


def wrk_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class AppServers:
    """Gunicorn A and B, started afresh (with the site's Redis keys deleted) for each run."""

    def __init__(self, static_root, tmp_path):
        self.static_root, self.tmp_path = static_root, tmp_path
        self.ports = [free_port(), free_port()]
        self.running: list[Gunicorn] = []

    def fresh(self, count, page_cache_seconds, args):
        self.stop()
        bench.clear_redis_cache()
        env = site_env(self.static_root, page_cache_seconds)
        for name, port in zip("AB", self.ports[:count], strict=False):
            server = Gunicorn(f"app-{name}", "rsis_site.wsgi", port, env, self.tmp_path)
            self.running.append(server)
            server.start()
        for server in self.running:  # both workers of each: code, menu, footer, templates
            for _ in range(20):
                sample = crawl.wrk(f"{server.base_url}/no-such-page/", 1, args)
                if sample.requests >= 20 and sample.p99_ms < 200:
                    break
            if len(children(server.process.pid)) != bench.WORKERS:
                raise BenchError(f"{server.name} runs {len(children(server.process.pid))} workers")

    def pids(self):
        found = []
        for server in self.running:
            found += [server.process.pid, *children(server.process.pid)]
        return found

    def problems(self):
        seen = []
        for name in "AB":
            path = self.tmp_path / f"gunicorn-app-{name}.log"
            if path.exists():
                text = path.read_text(errors="replace").splitlines()
                seen += [line for line in text if bench.LOG_PROBLEM.search(line)]
        return seen

    def stop(self):
        for server in self.running:
            server.stop()
        self.running = []


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    """One wrk run with the CPU used meanwhile, in cores (CPU seconds per second)."""

    sample: Sample
    cpu: dict[str, float] = field(default_factory=dict)


def walk(url, paths, start, seconds, args, tmp_path, number):
    listed = tmp_path / f"paths-{number}.txt"
    listed.write_text("\n".join(paths) + "\n")
    script = tmp_path / f"walk-{number}.lua"
    script.write_text(crawl.LUA % {"file": listed, "threads": args.threads, "start": start})
    return crawl.wrk(url, seconds, args, script)


def measured(load, groups):
    """Run ``load()`` (a wrk run) and note the cores used meanwhile by each group of processes
    (``groups``: name -> function listing their pids), by wrk and by the whole machine."""
    before = {name: cpu_times(pids()) for name, pids in groups.items()}
    wrk0, (busy0, total0) = wrk_cpu(), machine_busy()
    started = time.monotonic()
    sample = load()
    wall = time.monotonic() - started
    busy1, total1 = machine_busy()
    cpu = {"wrk": (wrk_cpu() - wrk0) / wall}
    for name, pids in groups.items():
        after = cpu_times(pids())  # a process started meanwhile counts from 0
        cpu[name] = sum(t - before[name].get(pid, 0.0) for pid, t in after.items()) / wall
    cpu["machine"] = (busy1 - busy0) / wall
    cpu["cores"] = (total1 - total0) / wall
    ours = sum(cpu[name] for name in ("wrk", *groups))
    cpu["other"] = max(0.0, cpu["machine"] - ours)
    return Run(sample, cpu)


def check_pages(url, paths):
    bad = []
    for path in paths:
        status = https_status(url, path)
        if status >= 400:
            bad.append(f"{path} ({status})")
    if bad:
        raise BenchError(f"these URLs answer errors through nginx: {bad[:5]}")


def https_status(url, path):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    host, port = url.removeprefix("https://").split(":")
    conn = http.client.HTTPSConnection(host, int(port), timeout=60, context=context)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def measure(args, apps, nginxes, bare, misses, tmp_path):
    results = {"bare": [], **{(kind, n): [] for kind in KINDS for n in SETUPS}}
    walks = 0
    for number in range(args.rounds):
        bare_pids = {"bare": lambda: [bare.process.pid, *children(bare.process.pid)]}
        run = measured(lambda: crawl.wrk(f"{bare.base_url}/", args.duration, args), bare_pids)
        results["bare"].append(run)
        log(
            f"round {number + 1}  bare view          {run.sample.rps:>8.1f} req/s"
            f"  CPU bare {run.cpu['bare']:.2f} wrk {run.cpu['wrk']:.2f}"
            f" other {run.cpu['other']:.2f} machine {run.cpu['machine']:.2f}"
        )
        order = SETUPS if number % 2 == 0 else SETUPS[::-1]
        for kind in KINDS:
            for count in order:
                nginx = nginxes[count]
                apps.fresh(count, 300 if kind == "warm" else 0, args)
                walks += 1
                if kind == "warm":
                    check_pages(nginx.url, WARM_PAGES)
                    paths, start = WARM_PAGES, 0
                    walk(nginx.url, paths, 0, args.warmup, args, tmp_path, walks)
                else:
                    paths, start = misses, walks * 1500
                    if number == 0:
                        check_pages(nginx.url, misses[start : start + 5])
                groups = {
                    "app": apps.pids,
                    "nginx": lambda nginx=nginx: [nginx.process.pid, *children(nginx.process.pid)],
                    "db": database_pids,
                }
                run = measured(
                    lambda nginx=nginx, paths=paths, start=start, number=walks: walk(
                        nginx.url, paths, start, args.duration, args, tmp_path, number
                    ),
                    groups,
                )
                results[(kind, count)].append(run)
                s = run.sample
                log(
                    f"round {number + 1}  {kind:<7} {count} server(s) {s.rps:>8.1f} req/s"
                    f"  p50 {bench.fmt_ms(s.p50_ms):>9}  p99 {bench.fmt_ms(s.p99_ms):>9}"
                    f"  errors {s.non_2xx_3xx}+{s.socket_errors}"
                    f"  CPU app {run.cpu['app']:.2f} nginx {run.cpu['nginx']:.2f}"
                    f" db {run.cpu['db']:.2f} wrk {run.cpu['wrk']:.2f}"
                    f" other {run.cpu['other']:.2f} machine {run.cpu['machine']:.2f}"
                    f"/{run.cpu['cores']:.0f}"
                )
    apps.stop()
    return results


# --------------------------------------------------------------------------- report


def med(runs, get):
    values = [v for v in (get(r) for r in runs) if v is not None]
    return statistics.median(values) if values else None


def report(results, args, started, database, public, misses, problems):
    bare_rps = med(results["bare"], lambda r: r.sample.rps)
    lines = [
        START_MARKER,
        "## Two app servers against one",
        "",
        f"Generated by `bench/scale.py` (`make bench-scale`) on {started:%Y-%m-%d %H:%M %Z},"
        f" database {database} with {public:,} public publications.",
        "",
        *[f"- {name}: {value}" for name, value in bench.machine_details()],
        f"- nginx: {bench.command_version(['nginx', '-v'], NGINX_VERSION)}",
        "",
        "**Method.** nginx runs `deploy/nginx/rsis.conf` (TLS, buffering, keepalive upstream;"
        " `worker_processes auto`, access log off) with its page cache **off**"
        " (`proxy_cache off`), so every request reaches gunicorn. *1 server*: its upstream is"
        " one gunicorn (2 sync workers). *2 servers*: two gunicorns (2 sync workers each, four"
        " in all) on two ports in round robin, sharing one PostgreSQL database and one Redis"
        " cache database. Production settings, `DJANGO_PROXY_COUNT=1`. Before every run each"
        " app server is stopped, the site's Redis keys deleted, the servers started afresh and"
        " their workers warmed on the 404 page. *Warm*: six demo pages (`/`, a content page,"
        " `/publications/`, a publication, `/events/`, `/staff/`) asked over and over with the"
        f" page cache on, after a {args.warmup} s warm-up through nginx. *Misses*: URLs"
        f" drawn at random from the database as `bench/crawl_urls.py` draws them ({len(misses):,}"
        " of every kind mixed: publications, list pages, filters, categories, tags, authors,"
        " feeds, search), page cache off, walked in order so a URL is rarely asked twice."
        f" `wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency` over"
        f" HTTPS to nginx, {args.rounds} rounds (bare view, then each kind on 1 and 2 servers,"
        " the order of 1 and 2 alternating), medians. The bare view (`bench/bare.py`, its own"
        " gunicorn with 2 workers, asked directly, not through nginx) is measured in each round"
        " for the share, as in the other sections.",
        "",
        "| load | app servers (workers) | req/s | share of bare | p50 | p99 | errors |"
        " CPU: app | nginx | PostgreSQL + Redis | wrk | other processes | machine busy |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cores = med(results["bare"], lambda r: r.cpu["cores"])
    rows = [("bare view, direct", 1, results["bare"])]
    rows += [(kind, count, results[(kind, count)]) for kind in KINDS for count in SETUPS]
    for kind, count, runs in rows:
        rps = med(runs, lambda r: r.sample.rps)
        cpu = {
            k: med(runs, lambda r, k=k: r.cpu.get(k))
            for k in ("app", "bare", "nginx", "db", "wrk", "other", "machine")
        }
        lines.append(
            f"| {kind} | {count} ({2 * count}) | {rps:,.1f} | {rps / bare_rps:.1%} |"
            f" {bench.fmt_ms(med(runs, lambda r: r.sample.p50_ms))} |"
            f" {bench.fmt_ms(med(runs, lambda r: r.sample.p99_ms))} | {errors(runs)} |"
            f" {cores_used(cpu['app'] if cpu['app'] is not None else cpu['bare'])} |"
            f" {cores_used(cpu['nginx'])} | {cores_used(cpu['db'])} | {cores_used(cpu['wrk'])} |"
            f" {cores_used(cpu['other'])} | {cpu['machine']:.2f} of {cores:.0f} |"
        )
    lines += ["", "| load | 2 servers ÷ 1 server, req/s | p50 | p99 | rounds (req/s, 1 → 2) |",
              "|---|---:|---:|---:|---|"]  # fmt: skip
    for kind in KINDS:
        one, two = results[(kind, 1)], results[(kind, 2)]
        ratio = {
            key: med(two, lambda r, k=key: getattr(r.sample, k))
            / med(one, lambda r, k=key: getattr(r.sample, k))
            for key in ("rps", "p50_ms", "p99_ms")
        }
        rounds = ", ".join(
            f"{a.sample.rps:,.0f} → {b.sample.rps:,.0f}" for a, b in zip(one, two, strict=True)
        )
        lines.append(
            f"| {kind} | ×{ratio['rps']:.2f} | ×{ratio['p50_ms']:.2f} | ×{ratio['p99_ms']:.2f}"
            f" | {rounds} |"
        )
    bare_all = [r.sample.rps for r in results["bare"]]
    every = [run for runs in results.values() for run in runs]
    other = med(every, lambda r: r.cpu["other"])
    lines += [
        "",
        "CPU columns are cores in use during the run (CPU seconds per second): the app"
        " servers' gunicorn masters and workers (for the bare row, its gunicorn), nginx's"
        " master and workers, this database's PostgreSQL backends and the Redis server, wrk;"
        " *other processes* is the rest of the machine's busy time (work that is not this"
        f" benchmark's), *machine busy* the whole, out of its {cores:.0f} cores. Errors:"
        " non-2xx/3xx answers + socket errors, summed over the rounds. Noise: the bare view"
        f" ranged {min(bare_all):,.0f}–{max(bare_all):,.0f} req/s across the rounds.",
        "",
        f"**Reading.** This machine has {os.cpu_count()} cores, and wrk, nginx, PostgreSQL,"
        " Redis and every gunicorn worker share them: the second app server brings no CPU of"
        " its own, it competes for the same two cores. So this is **not** the gain a second"
        " server would bring on a host of its own; it shows what a second server costs or"
        " gives on the same cores. Where 2 servers serve more, it is because four sync"
        " workers keep the cores busy while others wait on PostgreSQL, Redis or nginx, which"
        " two cannot, and, when other work shares the machine, because the kernel shares"
        " CPU time per runnable process, so four workers take a larger share of it than two;"
        " neither is added capacity. Where they serve less, that is the overhead (more"
        " processes and database connections, round robin through nginx).",
    ]
    if other is not None and other >= 0.25:
        app = {
            (kind, n): med(results[(kind, n)], lambda r: r.cpu["app"])
            for kind in KINDS
            for n in SETUPS
        }
        lines += [
            "",
            f"**The machine was not quiet:** other processes used a median {other:.2f} of its"
            f" {cores:.0f} cores during the runs (other work on the same machine; it was busy"
            f" {args.busy_before[0]:.2f} cores in the 3 s before the first run). That lowers"
            " every figure and inflates the 2-server one: the app servers got a median"
            f" {app[('warm', 1)]:.2f} cores with one server and {app[('warm', 2)]:.2f} with"
            f" two on warm pages ({app[('misses', 1)]:.2f} and {app[('misses', 2)]:.2f} on"
            " misses), CPU time taken from the other work, not capacity. Neither the"
            " absolute figures nor the ratios hold for a quiet machine: rerun there.",
        ]
    if problems:
        lines += ["", f"Problems logged: {len(problems)} line(s), e.g. `{problems[0][:160]}`."]
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def cores_used(value):
    return "" if value is None else f"{value:.2f}"


def errors(runs):
    return sum(r.sample.non_2xx_3xx + r.sample.socket_errors for r in runs)


# --------------------------------------------------------------------------- main


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    for program in ("wrk", "nginx", "openssl"):
        if not shutil.which(program):
            print(f"{program} is not installed (e.g. apt-get install -y {program}).")
            return 2
    started = dt.datetime.now().astimezone()
    with tempfile.TemporaryDirectory(prefix="rsis-bench-scale-") as tmp:
        tmp_path = Path(tmp)
        static_root = tmp_path / "static"
        database, drop = choose_database(args, lambda s: site_env(static_root, s))
        servers, apps = [], AppServers(static_root, tmp_path)
        try:
            log(f"Database {bench.DB_NAME}; collecting static files…")
            env = site_env(static_root, 0)
            bench.run_checked([sys.executable, str(bench.ROOT / "manage.py"), "collectstatic",
                               "--noinput", "-v0"], env)  # fmt: skip
            conn = bench.pg_connect(bench.DB_NAME)
            try:
                log("Drawing URLs from the database…")
                kinds, public = crawl_urls.draw_all(conn, random.Random(args.seed), args.urls)
            finally:
                conn.close()
            misses = kinds["mix"]
            cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                 "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                check=True, capture_output=True,
            )  # fmt: skip
            bare_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
            bare = Gunicorn("bare", "bare:application", free_port(), bare_env, tmp_path)
            servers.append(bare)
            bare.start(chdir=bench.BENCH_DIR)
            nginxes = {
                1: Nginx("one", tmp_path, apps.ports[:1]),
                2: Nginx("two", tmp_path, apps.ports),
            }
            for nginx in nginxes.values():
                servers.append(nginx)
                nginx.start(cert, key, static_root)
            busy0, total0 = machine_busy()
            time.sleep(3)
            busy1, total1 = machine_busy()
            args.busy_before = (busy1 - busy0) / 3, (total1 - total0) / 3
            log(f"Before the runs the machine was busy {args.busy_before[0]:.2f} cores")
            results = measure(args, apps, nginxes, bare, misses, tmp_path)
            problems = apps.problems() + [p for n in nginxes.values() for p in n.problems()]
        except BenchError as error:
            print(f"\nScale benchmark failed: {error}", file=sys.stderr)
            for server in apps.running:
                print(server.log_tail(), file=sys.stderr)
            return 1
        finally:
            apps.stop()
            for server in reversed(servers):
                server.stop()
            bench.clear_redis_cache()
            if drop:
                log(f"Dropping {bench.DB_NAME}…")
                bench.drop_database()
    section = report(results, args, started, database, public, misses, problems)
    print("\n" + section)
    if not args.no_write:
        write_report(args.output, section, START_MARKER, END_MARKER)
        log(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
