"""Alert-sending benchmark: one new item emailed to 10,000 subscribers through a local SMTP sink.

Run from anywhere as ``.venv/bin/python bench/subscriptions.py`` (or ``make bench-subscriptions``).
The script

1. creates a fresh PostgreSQL database ``rsis_bench_subscriptions``, migrates it and adds one
   series, one category and one publication (an author, a synopsis) published a minute ago,
   and ``--subscribers`` active subscribers (10,000 by default) following that series, each
   wanting an email per item;
2. for each of ``--runs`` runs (3 by default), empties the ledger, starts an SMTP sink (aiosmtpd
   in a process of its own, counting what it receives) and, in another process, times
   ``sending.announce_due()`` then ``sending.send_alerts()`` over Django's SMTP backend with no
   rate limit, then ``send_alerts()`` once more for the same announcement (it must send
   nothing); that process reports its times, its SQL queries and its largest resident memory;
3. checks that every subscriber has exactly one ledger row, sent, and that the sink received
   one message per subscriber, then writes the medians to ``docs/benchmarks.md`` between the
   subscriptions markers and drops the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run as bench
from run import BenchError, log, write_report

bench.DB_NAME = "rsis_bench_subscriptions"
NO_QUERY_PER_EMAIL = "none (the batch reads what it needs once)"
START_MARKER = "<!-- subscriptions:start -->"
END_MARKER = "<!-- subscriptions:end -->"
SITE_URL = "https://www.rsis.example"
DEFAULT_RATE = 20  # SUBSCRIPTIONS_SEND_RATE's default, emails a second

# The content and the subscribers (run by ``manage.py shell -c`` in the bench database).
SETUP = """
from django.utils import timezone
from publications.models import Authorship, Category, Publication, Series
from staff.models import Person
from subscriptions.models import Subscriber

count = int({count})
series = Series.objects.create(name="Commentaries", item_name="RSIS Commentary",
                               slug="commentaries", code_prefix="CO")
category = Category.objects.create(name="Maritime Security", slug="maritime-security")
person = Person.objects.create(name="Chris Cheang", sort_name="Cheang, Chris",
                               slug="chris-cheang", position="Senior Fellow")
now = timezone.now()
item = Publication.objects.create(
    series=series, code="CO25001", slug="the-region-between-the-powers",
    title="The Region Between the Powers: What a Foreign Minister's Visit Means",
    synopsis=("Southeast Asian states have long balanced between the great powers, and the "
              "visit of a foreign minister is read in every capital for what it says about "
              "that balance.") * 2,
    status=Publication.Status.PUBLISHED, published_at=now - timezone.timedelta(minutes=1),
)
item.categories.add(category)
Authorship.objects.create(publication=item, person=person)
Subscriber.objects.bulk_create(
    [Subscriber(email=f"reader{{n:05d}}@example.org", confirmed_at=now,
                frequency=Subscriber.Frequency.EACH) for n in range(count)],
    batch_size=2000,
)
Through = Subscriber.series.through
Through.objects.bulk_create(
    [Through(subscriber_id=pk, series_id=series.pk)
     for pk in Subscriber.objects.values_list("pk", flat=True)],
    batch_size=2000,
)
"""

# The measured process: announce, send, send again; says its figures as one JSON line.
SEND = """
import collections, json, re, resource, time
import django
django.setup()
from django.db import connection
from subscriptions import mail, sending

queries = collections.Counter()
shapes = collections.Counter()
spent = collections.Counter()


def counted(execute, sql, params, many, context):
    queries["all"] += 1
    verb = sql.split(None, 1)[0].upper()
    table = re.search(r'(?:FROM|INTO|UPDATE)\\s+"?(\\w+)', sql)
    shapes[f"{verb} {table.group(1) if table else '?'}"] += 1
    start = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        spent["sql"] += time.perf_counter() - start

def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper

# Where the time goes: building each email (its queries included) and talking SMTP.
mail.alert = timed("build", mail.alert)
sending.Sender._attempt = timed("smtp", sending.Sender._attempt)

usage = resource.getrusage(resource.RUSAGE_SELF)
figures = {"rss_start_kb": usage.ru_maxrss, "cpu_start_s": usage.ru_utime + usage.ru_stime}
with connection.execute_wrapper(counted):
    start = time.perf_counter()
    announcements = sending.announce_due()
    figures["announce_s"] = time.perf_counter() - start
    figures["announce_queries"] = queries["all"]
    assert len(announcements) == 1, announcements
    queries.clear(); shapes.clear(); spent.clear()
    start = time.perf_counter()
    figures["first"] = sending.send_alerts(announcements[0])
    figures["send_s"] = time.perf_counter() - start
    figures["send_queries"] = queries["all"]
    figures["send_shapes"] = dict(shapes.most_common())
    figures["send_spent"] = dict(spent)
    queries.clear()
    start = time.perf_counter()
    figures["again"] = sending.send_alerts(announcements[0])
    figures["again_s"] = time.perf_counter() - start
    figures["again_queries"] = queries["all"]
figures["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
figures["cpu_s"] = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
print("figures", json.dumps(figures))
"""

# The SMTP sink: accepts everything, counts messages and bytes, writes them to a file when told
# to stop (SIGTERM).
SINK = """
import asyncio, json, resource, signal, sys
from aiosmtpd.smtp import SMTP

host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]

class Counter:
    messages = recipients = octets = connections = 0

    async def handle_DATA(self, server, session, envelope):
        Counter.messages += 1
        Counter.recipients += len(envelope.rcpt_tos)
        Counter.octets += len(envelope.original_content or envelope.content)
        return "250 OK"

class Counted(SMTP):
    def connection_made(self, transport):
        Counter.connections += 1
        super().connection_made(transport)

async def main():
    loop = asyncio.get_running_loop()
    handler = Counter()
    server = await loop.create_server(lambda: Counted(handler, hostname="sink.local"), host, port)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    await stop.wait()
    server.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(path, "w") as file:
        json.dump({"messages": Counter.messages, "recipients": Counter.recipients,
                   "octets": Counter.octets, "connections": Counter.connections,
                   "cpu_s": usage.ru_utime + usage.ru_stime}, file)

asyncio.run(main())
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--subscribers", type=int, default=10_000, help="active subscribers (10000)"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed sends (3)")
    parser.add_argument(
        "--long",
        type=float,
        default=120,
        help="no further run once a send took longer than this many seconds (120)",
    )
    parser.add_argument("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    parser.add_argument("--no-write", action="store_true", help="print the section only")
    args = parser.parse_args(argv)
    if args.subscribers < 1 or args.runs < 1:
        parser.error("--subscribers and --runs must be at least 1")
    return args


class Sink:
    """The SMTP sink process on a free loopback port; ``stop()`` returns what it counted."""

    def __init__(self, tmp: Path):
        self.port = bench.free_port()
        self.path = tmp / f"sink-{self.port}.json"
        self.errors = tmp / f"sink-{self.port}.log"
        with self.errors.open("w") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-c", SINK, "127.0.0.1", str(self.port), str(self.path)],
                stdout=subprocess.PIPE, stderr=errors, text=True,
            )  # fmt: skip
        if self.process.stdout.readline().strip() != "ready":
            self.process.kill()
            self.process.wait()
            raise BenchError(f"The SMTP sink did not start:\n{self.errors.read_text()[-3000:]}")

    def stop(self) -> dict:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.path.exists():
            raise BenchError(f"The SMTP sink counted nothing:\n{self.errors.read_text()[-3000:]}")
        return json.loads(self.path.read_text())


def environment(tmp: Path, port: int) -> dict[str, str]:
    env = bench.site_env(tmp / "static", bench.CONFIGS[0])
    for name in ("CACHE_URL", "EMAIL_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(port),
        DJANGO_SITE_URL=SITE_URL,
        DJANGO_SUBSCRIPTIONS_SEND_RATE="0",
        DJANGO_DEFAULT_FROM_EMAIL="alerts@rsis.example",
    )
    return env


def sql_one(query: str):
    conn = bench.pg_connect(bench.DB_NAME)
    try:
        with conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchone()
    finally:
        conn.close()


def reset_ledger() -> None:
    conn = bench.pg_connect(bench.DB_NAME)
    try:
        with conn.cursor() as cur:
            cur.execute("TRUNCATE subscriptions_delivery, subscriptions_announcement")
    finally:
        conn.close()


def check(figures: dict, sink: dict, count: int) -> None:
    """Every subscriber has exactly one sent ledger row; the sink got one message each."""
    rows, sent, failed, subscribers, doubled = sql_one(
        "SELECT count(*), count(*) FILTER (WHERE sent_at IS NOT NULL), "
        "count(*) FILTER (WHERE failure <> ''), count(DISTINCT subscriber_id), "
        "(SELECT count(*) FROM (SELECT 1 FROM subscriptions_delivery GROUP BY subscriber_id "
        "HAVING count(*) <> 1) AS more) FROM subscriptions_delivery"
    )
    active = sql_one("SELECT count(*) FROM subscriptions_subscriber WHERE status = 'active'")[0]
    problems = []
    if figures["first"] != [count, 0]:
        problems.append(f"the first send returned {figures['first']}, not [{count}, 0]")
    if figures["again"] != [0, 0]:
        problems.append(f"the second send returned {figures['again']}, not [0, 0]")
    if not (rows == sent == subscribers == active == count) or failed or doubled:
        problems.append(
            f"ledger: {rows} rows, {sent} sent, {failed} failed, {subscribers} subscribers "
            f"of {active} active, {doubled} with more than one row"
        )
    if sink["messages"] != count or sink["recipients"] != count:
        problems.append(
            f"the sink received {sink['messages']} messages to {sink['recipients']} "
            f"recipients, not {count}"
        )
    if problems:
        raise BenchError("; ".join(problems))


def one_run(number: int, tmp: Path, count: int) -> dict:
    reset_ledger()
    sink = Sink(tmp)
    env = environment(tmp, sink.port)
    log(f"Run {number}: sending to {count:,} subscribers through the sink on port {sink.port}…")
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-c", SEND], cwd=bench.ROOT, env=env, capture_output=True, text=True
        )
    finally:
        received = sink.stop()
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BenchError(f"The send failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("figures ")]
    figures = json.loads(lines[-1].split(" ", 1)[1])
    figures |= {"process_s": elapsed, "sink": received, "load": os.getloadavg()}
    check(figures, received, count)
    log(
        f"Run {number}: announce {figures['announce_s']:.2f} s, send {figures['send_s']:.1f} s "
        f"({count / figures['send_s']:,.0f} emails/s, {figures['send_queries']:,} queries), "
        f"again {figures['again_s']:.2f} s ({figures['again_queries']} queries), "
        f"largest RSS {figures['rss_kb'] / 1024:.0f} MB, sink {received['messages']:,} messages"
    )
    return figures


def machine_details() -> list[tuple[str, str]]:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    server = sql_one("SHOW server_version")[0]
    return [
        ("CPU", cpu.group(1).strip() if cpu else platform.processor() or "unknown"),
        ("Cores", str(os.cpu_count())),
        ("Memory", f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "unknown"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Django", importlib.metadata.version("django")),
        ("PostgreSQL", server),
        ("aiosmtpd", importlib.metadata.version("aiosmtpd")),
    ]


def report(runs: list[dict], count: int, machine: list[tuple[str, str]], args) -> str:
    machine_load = [run["load"] for run in runs]

    def median(key):
        return statistics.median(run[key] for run in runs)

    send, announce, again = median("send_s"), median("announce_s"), median("again_s")
    rate = count / send
    queries = median("send_queries")
    shapes = runs[0]["send_shapes"]
    octets = statistics.median(run["sink"]["octets"] for run in runs)
    sink_cpu = statistics.median(run["sink"]["cpu_s"] for run in runs)
    cpu = statistics.median(run["cpu_s"] - run["cpu_start_s"] for run in runs)
    wall = statistics.median(run["announce_s"] + run["send_s"] + run["again_s"] for run in runs)
    shape_text = ", ".join(
        f"{name} {number / count:.2f}" for name, number in shapes.items() if number >= count / 2
    )
    connections = statistics.median(run["sink"]["connections"] for run in runs)
    spent = {
        name: statistics.median(run["send_spent"].get(name, 0) for run in runs)
        for name in ("sql", "build", "smtp")
    }
    if len(runs) > 1:
        runs_text = f"median of {len(runs)} runs"
    elif args.runs > 1:
        runs_text = f"one run only, as the send took longer than {args.long:.0f} s"
    else:
        runs_text = "one run"
    low, high = min(machine_load)[0], max(machine_load)[0]
    load = f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}–{high:.1f}"
    lines = [
        START_MARKER,
        "## Email alerts",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC} by `bench/subscriptions.py` "
        f"(`make bench-subscriptions`): one new publication (an author, a synopsis) alerted to "
        f"{count:,} active subscribers who follow its series and want an email per item, on "
        f"PostgreSQL, through Django's SMTP backend to an aiosmtpd sink in a process of its own "
        f"on the loopback (it accepts and counts every message), with no rate limit "
        f"(`SUBSCRIPTIONS_SEND_RATE=0`). `announce_due()` and `send_alerts()` run in a process "
        f"of their own, whose times, SQL queries and largest resident memory are given "
        f"({runs_text}). The machine is shared: its load average was {load} on "
        f"{os.cpu_count()} cores during the runs, so every query and SMTP reply waits its turn.",
        "",
        "| step | time | emails/s | SQL queries |",
        "|---|---:|---:|---:|",
        f"| `announce_due()` (finds the item, writes its announcement) | {announce:.2f} s | "
        f"| {median('announce_queries'):,.0f} |",
        f"| `send_alerts()`: {count:,} emails ({connections:,.0f} SMTP "
        f"connection{'s' if connections != 1 else ''}) "
        f"| {send:.1f} s | {rate:,.0f} | {queries:,.0f} ({queries / count:.2f} an email) |",
        f"| `send_alerts()` again, same announcement: 0 sent (the ledger check) | {again:.2f} s "
        f"| | {median('again_queries'):,.0f} |",
        "",
        f"- Checked after each run: every subscriber has exactly one ledger row (`Delivery`), "
        f"with `sent_at` set and no failure, and the sink received {count:,} messages "
        f"({octets / count / 1024:.1f} KiB each, text and HTML) to {count:,} recipients.",
        f"- Largest resident memory of the sending process: {median('rss_kb') / 1024:.0f} MB "
        f"({median('rss_start_kb') / 1024:.0f} MB once Django is set up, before the send). "
        f"CPU time of that process from the first announcement to the end of the second send: "
        f"{cpu:.1f} s of {wall:.1f} s (the rest is waiting for PostgreSQL and the sink); the "
        f"sink's {sink_cpu:.1f} s.",
        f"- Where the send's time goes: {spent['build']:.1f} s building the emails "
        f"(`mail.alert`, its queries included), {spent['smtp']:.1f} s handing them to the SMTP "
        f"server (`Sender._attempt`), {spent['sql']:.1f} s in SQL queries in all.",
        f"- Queries per email, by kind: {shape_text or NO_QUERY_PER_EMAIL}.",
        f"- With the default rate limit ({DEFAULT_RATE} emails a second), the same alert takes "
        f"at least {count:,} / {DEFAULT_RATE} = {count / DEFAULT_RATE:,.0f} s "
        f"({count / DEFAULT_RATE / 60:.1f} minutes)"
        + (
            ": the limit, not the sending, sets the time."
            if rate > DEFAULT_RATE
            else f", and here the sending itself ({rate:,.0f} emails a second) is slower still."
        ),
        "",
        "| run | announce | send | emails/s | again | queries | largest RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for number, run in enumerate(runs, 1):
        lines.append(
            f"| {number} | {run['announce_s']:.2f} s | {run['send_s']:.1f} s "
            f"| {count / run['send_s']:,.0f} | {run['again_s']:.2f} s | {run['send_queries']:,} "
            f"| {run['rss_kb'] / 1024:.0f} MB |"
        )
    lines += ["", "Machine:", ""]
    lines += [f"- {name}: {value}" for name, value in machine]
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def main(argv=None):
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        manage = [sys.executable, str(bench.ROOT / "manage.py")]
        env = environment(tmp, 25)
        bench.create_database()
        try:
            machine = machine_details()
            log(f"Migrating {bench.DB_NAME}…")
            bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
            log(f"Adding a publication and {args.subscribers:,} subscribers…")
            bench.run_checked([*manage, "shell", "-c", SETUP.format(count=args.subscribers)], env)
            runs = []
            for number in range(1, args.runs + 1):
                runs.append(one_run(number, tmp, args.subscribers))
                if runs[-1]["send_s"] > args.long and number < args.runs:
                    log(f"The send took over {args.long:.0f} s: no further run.")
                    break
        finally:
            bench.drop_database()
    section = report(runs, args.subscribers, machine, args)
    if not args.no_write:
        write_report(args.output, section, START_MARKER, END_MARKER)
    print(section)


if __name__ == "__main__":
    main()
