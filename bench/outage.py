"""What visitors get while Redis is down: the site under load before, during and after an outage.

Run as ``.venv/bin/python bench/outage.py [--before REV]`` (or ``make bench-outage``). For the
working tree, and for the git revision ``REV`` if given (checked out into a temporary worktree,
to compare with an older version of the code), the script

1. creates a fresh PostgreSQL database, migrates it with that code, loads the demo content and
   collects the static files (DEBUG off, production settings);
2. starts a private ``redis-server`` on a free port (the machine's own Redis is never touched)
   and the site under gunicorn with 2 sync workers, the Redis cache and the page cache on;
3. loads a mix of public pages with wrk in three phases: Redis up, Redis stopped (the outage),
   Redis started again (recovery), and counts the answers that were not 2xx/3xx and the
   tracebacks gunicorn logged in each phase;
4. writes the figures to ``docs/benchmarks.md`` between the outage markers.

The figures are error counts, not speeds; req/s is shown to say how much was asked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import run as bench
from run import BenchError, Gunicorn, log

ROOT = bench.ROOT
START_MARKER = "<!-- outage:start -->"
END_MARKER = "<!-- outage:end -->"

# Public pages of every kind from the throughput benchmark, the 404 page left out.
PATHS = [path for path, _what, status in bench.PAGES if status == 200]


@dataclass
class Phase:
    name: str
    seconds: int
    sample: bench.Sample | None = None
    tracebacks: int = 0
    cache_messages: list[str] = field(default_factory=list)


@dataclass
class Scenario:
    label: str
    revision: str
    phases: list[Phase]
    pages: int


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="also measure this git revision, e.g. an older commit")
    parser.add_argument("--outage", type=int, default=20, help="seconds Redis is down (20)")
    parser.add_argument("--settle", type=int, default=10, help="seconds before and after (10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    parser.add_argument("--no-write", action="store_true", help="print results only")
    return parser.parse_args(argv)


class PrivateRedis:
    def __init__(self, workdir: Path):
        self.port = bench.free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, check=False
                ).stdout.strip()
                == b"PONG"
            ):
                return
            time.sleep(0.1)
        raise BenchError("the private redis-server did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def answering(base_url: str) -> list[str]:
    """The paths that answer 200 with the demo content (a deep page of a list may not exist)."""
    paths = []
    for path in PATHS:
        try:
            with urllib.request.urlopen(base_url + path, timeout=30) as response:  # noqa: S310
                if response.status == 200:
                    paths.append(path)
        except urllib.error.HTTPError:
            continue
    return paths


def wrk_script(tmp: Path, paths: list[str]) -> Path:
    """A wrk script that cycles through ``paths``, one per request."""
    paths = ", ".join(f'"{path}"' for path in paths)
    script = tmp / "pages.lua"
    script.write_text(
        f"local paths = {{{paths}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\n"
        "end\n"
    )
    return script


def load(url: str, seconds: int, script: Path, args) -> bench.Sample:
    return bench.wrk(
        url, seconds, threads=args.threads, connections=args.connections, script=script
    )


def scenario(label: str, revision: str, source: Path, tmp: Path, args) -> Scenario:
    static_root = tmp / f"static-{label}"
    redis_server = PrivateRedis(tmp)
    config = bench.Config("outage", "outage", redis_server.url, 300, 0.0)
    env = bench.site_env(static_root, config)
    manage = [sys.executable, str(source / "manage.py")]
    log(f"[{label}] preparing a fresh database with the code of {revision}…")
    redis_server.start()
    bench.create_database()
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "--no-admin"],
                    ["collectstatic", "--noinput", "-v0"]):  # fmt: skip
        bench.run_checked([*manage, *command], env)
    site = Gunicorn(f"outage-{label}", "rsis_site.wsgi", bench.free_port(), env, tmp)
    phases = [
        Phase("Redis up", args.settle),
        Phase("Redis down", args.outage),
        Phase("Redis back", args.settle),
    ]
    try:
        site.start(chdir=source)
        paths = answering(site.base_url)
        script = wrk_script(tmp, paths)
        for phase in phases:
            if phase.name == "Redis down":
                redis_server.stop()
            elif phase.name == "Redis back":
                redis_server.start()
            log_start = site.log_path.read_text(errors="replace")
            log(f"[{label}] {phase.name}: {phase.seconds} s of load…")
            phase.sample = load(site.base_url, phase.seconds, script, args)
            new_lines = site.log_path.read_text(errors="replace")[len(log_start) :].splitlines()
            phase.tracebacks = sum("Traceback" in line for line in new_lines)
            phase.cache_messages = [line for line in new_lines if "The cache at" in line]
    finally:
        site.stop()
        redis_server.stop()
        bench.drop_database()
    return Scenario(label, revision, phases, len(paths))


def git_revision(ref: str) -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def render(scenarios: list[Scenario], args, started: dt.datetime) -> str:
    lines = [
        START_MARKER,
        "## A Redis outage under load",
        "",
        f"Measured {started:%Y-%m-%d %H:%M %Z} by `bench/outage.py`: gunicorn with 2 sync "
        f"workers, PostgreSQL, the page cache on, a private Redis stopped for {args.outage} s "
        f"while wrk ({args.threads} threads, {args.connections} connections) cycles through "
        f"the public pages of the throughput benchmark that exist in the demo content "
        f"({scenarios[-1].pages}), then started again. Per phase: answers that were not "
        "2xx/3xx, requests wrk gave up on (socket errors, or no answer within its 2 s timeout), "
        "tracebacks gunicorn logged, and the site's own log lines about the cache.",
        "",
        "| code | phase | seconds | requests | req/s | errors (not 2xx/3xx) | socket errors "
        "and timeouts | tracebacks | cache messages |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in scenarios:
        for phase in item.phases:
            sample = phase.sample
            lines.append(
                f"| {item.label} (`{item.revision}`) | {phase.name} | {phase.seconds} | "
                f"{sample.requests:,} | {sample.rps:,.0f} | "
                f"{sample.non_2xx_3xx:,} | {sample.socket_errors:,} | {phase.tracebacks:,} | "
                f"{len(phase.cache_messages)} |"
            )
    lines += ["", END_MARKER]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    args = parse_args(argv)
    for program in ("wrk", "redis-server", "redis-cli"):
        if shutil.which(program) is None:
            print(f"{program} is not installed (apt-get install -y wrk redis-server).")
            return 2
    started = dt.datetime.now().astimezone()
    scenarios = []
    with tempfile.TemporaryDirectory(prefix="rsis-outage-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            if args.before:
                worktree = tmp / "before"
                subprocess.run(
                    ["git", "worktree", "add", "--detach", str(worktree), args.before],
                    cwd=ROOT, check=True, capture_output=True,
                )  # fmt: skip
                try:
                    scenarios.append(
                        scenario("before", git_revision(args.before), worktree, tmp, args)
                    )
                finally:
                    subprocess.run(
                        ["git", "worktree", "remove", "--force", str(worktree)],
                        cwd=ROOT, check=False, capture_output=True,
                    )  # fmt: skip
            scenarios.append(scenario("this code", git_revision("HEAD"), ROOT, tmp, args))
        except BenchError as error:
            print(f"Benchmark failed: {error}", file=sys.stderr)
            return 1
    section = render(scenarios, args, started)
    print("\n" + section)
    if not args.no_write:
        bench.write_report(args.output, section, START_MARKER, END_MARKER)
        log(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
