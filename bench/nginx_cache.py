"""Hit rate of nginx's cache (deploy/nginx/rsis.conf) in front of gunicorn over the demo pages.

Starts the production stack exactly as ``tests/core/test_nginx.py`` does (nginx, gunicorn,
the task worker, a private Redis, the demo content), takes URLS public addresses from the
sitemap and asks REQUESTS of them, drawn at random (a fixed seed), counting nginx's
``X-Cache-Status``. The first request for each address is a miss by nature: the hit rate is
at most 1 - URLS / REQUESTS. Then one content change is made and the same run repeated, to
show the cache emptied and filled again.

    python bench/nginx_cache.py [--requests 500] [--urls 50] [--output docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import run as bench

sys.path.insert(0, str(bench.ROOT))
# The test module that starts the stack imports the test factories, hence Django.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rsis_site.settings.test")
__import__("django").setup()

from tests.core.test_nginx import Stack, request  # noqa: E402
from tests.servers import RedisServer, require_program  # noqa: E402

START_MARKER, END_MARKER = "<!-- httpcache:start -->", "<!-- httpcache:end -->"


def addresses(stack, count):
    index = request(stack.https_port, "GET", "/sitemap.xml").content.decode()
    found = []
    for section in re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index):
        page = request(stack.https_port, "GET", section).content.decode()
        found += re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", page)
    return sorted(set(found))[:count]


def one_run(stack, urls, total, seed):
    chosen = random.Random(seed).choices(urls, k=total)
    statuses = collections.Counter()
    for path in chosen:
        response = request(stack.https_port, "GET", path)
        statuses[response.getheader("X-Cache-Status") or "none"] += 1
    return statuses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--urls", type=int, default=50)
    parser.add_argument("--output", type=Path, default=bench.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)

    redis = RedisServer(require_program("redis-server", "redis-server"))
    redis.start()
    with tempfile.TemporaryDirectory() as root:
        stack = Stack(Path(root), redis)
        try:
            stack.start(require_program("nginx", "nginx"))
            urls = addresses(stack, args.urls)
            cold = one_run(stack, urls, args.requests, seed=1)
            stack.manage(
                "shell",
                "-c",
                "from core.models import SiteSettings; SiteSettings.objects.get().save()",
            )
            time.sleep(2)  # the worker takes the purge task within its 0.1 s interval
            changed = one_run(stack, urls, args.requests, seed=2)
        finally:
            stack.stop()
            redis.stop()

    lines = [
        START_MARKER,
        "## nginx's cache in front of gunicorn",
        "",
        f"`make bench-httpcache`: {args.requests} requests over {len(urls)} demo addresses from "
        "the sitemap, drawn at random, through `deploy/nginx/rsis.conf` (one gunicorn worker, "
        "Redis, production settings). The first request of each address is a miss by nature.",
        "",
        "| run | requests | HIT | MISS | other | hit rate |",
        "|---|---|---|---|---|---|",
    ]
    for name, statuses in (("from an empty cache", cold), ("after one change (purged)", changed)):
        total = sum(statuses.values())
        other = total - statuses["HIT"] - statuses["MISS"]
        lines.append(
            f"| {name} | {total} | {statuses['HIT']} | {statuses['MISS']} | {other} "
            f"| {statuses['HIT'] / total:.1%} |"
        )
    lines += ["", END_MARKER]
    section = "\n".join(lines)
    print(section)
    bench.write_report(args.output, section, START_MARKER, END_MARKER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
