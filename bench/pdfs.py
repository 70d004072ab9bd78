"""PDF benchmark: how long the site takes to print a publication, and how fast it serves one.

Run from anywhere as ``.venv/bin/python bench/pdfs.py`` (or ``make bench-pdfs``). The script

1. creates the PostgreSQL database ``rsis_bench_pdfs``, migrates it, loads the demo content with
   ``--publications`` generated items (1,000 by default) and adds one long item: 40 paragraphs,
   subheads, lists, four tables, four pictures and a feature image;
2. prints 20 varied public items (the long one among them) in this process, ``--rounds`` times
   each after one warm-up, timing the HTML and the PDF apart;
3. runs ``manage.py make_pdfs`` over every public item (the batch an operator runs after an
   import) and reads the sizes of the files it made;
4. starts the site and ``bench/bare.py`` under gunicorn (2 sync workers each) and loads, with
   ``wrk``, the bare view, one made PDF asked again and again, made PDFs drawn at random from
   all of them, and conditional requests answered 304, round by round;
5. writes the figures to ``docs/benchmarks.md`` between the PDF markers and drops the database.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run as bench
from run import BenchError, Gunicorn, Sample, free_port, log, write_report

bench.DB_NAME = "rsis_bench_pdfs"
START_MARKER = "<!-- pdfs:start -->"
END_MARKER = "<!-- pdfs:end -->"
SAMPLE_ITEMS = 20
LONG_SLUG = "a-long-report-with-tables-and-pictures"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publications", type=int, default=1000, help="generated items (1000)")
    parser.add_argument("--rounds", type=int, default=3, help="prints of each sampled item (3)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run (8)")
    parser.add_argument("--serve-rounds", type=int, default=3, help="wrk rounds (3)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--keep", action="store_true", help="keep the database and files")
    parser.add_argument("--output", type=Path, default=bench.DEFAULT_OUTPUT)
    return parser.parse_args(argv)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))]


def jpeg(width, height, seed):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (230, 236, 240))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(20, 200)
        colour = tuple(rng.randrange(40, 220) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def add_long_item():
    """A long item with every kind of body content, public, with a feature image."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from publications.models import Authorship, Category, Publication, Series

    pictures = []
    for n in range(4):
        name = default_storage.save(
            f"library/bench-figure-{n}.jpg", ContentFile(jpeg(1200, 700, n))
        )
        pictures.append(default_storage.url(name))
    paragraph = (
        "Regional states weigh the costs of alignment against the gains of hedging, and the "
        "evidence of the last decade suggests that neither great power can take their choices "
        "for granted; ministers, officials and analysts read the same signals differently. "
    )
    parts = []
    for section in range(4):
        parts.append(f"<h2>Part {section + 1}: findings and their limits</h2>")
        parts += [f"<p>{paragraph * 3}</p>" for _ in range(10)]
        parts.append(
            "<ul>" + "".join(f"<li>Point {i}: {paragraph}</li>" for i in range(4)) + "</ul>"
        )
        rows = "".join(
            f"<tr><td>{2015 + i}</td><td>{10 + i * 3}.{i}</td><td>{40 - i}.{i}</td></tr>"
            for i in range(10)
        )
        parts.append(
            f"<table><caption>Table {section + 1}: trade and investment</caption><thead><tr>"
            "<th scope='col'>Year</th><th scope='col'>Trade</th><th scope='col'>Investment</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        parts.append(
            f"<figure><img src='{pictures[section]}' alt='Figure {section + 1}'>"
            f"<figcaption>Figure {section + 1}</figcaption></figure>"
        )
        parts.append(f"<blockquote><p>{paragraph}</p></blockquote>")
    series = Series.objects.get(slug="policy-reports")
    item = Publication.objects.create(
        series=series,
        title="A Long Report with Tables and Pictures",
        slug=LONG_SLUG,
        code=f"{series.code_prefix}26999",
        synopsis=paragraph,
        body="".join(parts),
        status="published",
        published_at=timezone.now(),
        publication_date=timezone.localdate(),
        image_alt="An abstract composition of coloured discs",
        image_credit="Source: the school's own picture",
        image_licence="© RSIS",
    )
    item.image.save("bench-feature.jpg", ContentFile(jpeg(1600, 900, 99)), save=True)
    Authorship.objects.create(publication=item, name="Outside Author", order=0)
    item.categories.set(Category.objects.all()[:5])
    return item


def prepare(env, publications):
    """Migrate, load the demo with ``publications`` generated items, collect static files."""
    manage = [sys.executable, str(bench.ROOT / "manage.py")]
    log("Migrating, loading the demo content and collecting static files…")
    bench.run_checked([*manage, "migrate", "--noinput", "-v0"], env)
    bench.run_checked(
        [*manage, "load_demo", "--no-admin", "--publications", str(publications)], env
    )
    bench.run_checked([*manage, "collectstatic", "--noinput", "-v0"], env)


def sample_items():
    from publications import queries
    from publications.models import Publication

    public = list(
        Publication.objects.public().filter(pdf="").values_list("series__slug", "slug", "code")
    )
    rng = random.Random(2026)
    chosen = [row for row in public if row[1] == LONG_SLUG]
    chosen += rng.sample([row for row in public if row[1] != LONG_SLUG], SAMPLE_ITEMS - 1)
    return [queries.detail(series, slug) for series, slug, _ in chosen], [c for *_, c in public]


def time_prints(items, origin, rounds):
    from publications import printing

    printing.render_pdf(printing.print_html(items[0], origin), origin)  # fonts, first imports
    html_ms, pdf_ms, long_ms, sizes = [], [], [], []
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter()
            html = printing.print_html(item, origin)
            printed = time.perf_counter()
            data = printing.render_pdf(html, origin)
            done = time.perf_counter()
            html_ms.append((printed - started) * 1000)
            pdf_ms.append((done - printed) * 1000)
            if item.slug == LONG_SLUG:
                long_ms.append((done - started) * 1000)
                long_size = len(data)
            sizes.append(len(data))
    return {"html": html_ms, "pdf": pdf_ms, "long": long_ms, "long_size": long_size}


def random_paths_script(paths, directory):
    script = directory / "random-pdfs.lua"
    listed = ",\n".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{\n{listed}\n}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  return wrk.format(nil, paths[math.random(#paths)])\n"
        "end\n"
    )
    return script


def serve(site, bare, codes, etag, args, tmp_path):
    script = random_paths_script([f"/p/{code}.pdf" for code in codes], tmp_path)
    targets = {
        "bare Django view": dict(url=f"{bare.base_url}/"),
        "one made PDF, asked again and again": dict(url=f"{site.base_url}/p/{codes[0]}.pdf"),
        f"made PDFs at random (of {len(codes)})": dict(url=f"{site.base_url}/", script=script),
        "conditional request (304)": dict(
            url=f"{site.base_url}/p/{codes[0]}.pdf", header=f"If-None-Match: {etag}"
        ),
    }
    samples: dict[str, list[Sample]] = {label: [] for label in targets}
    for target in targets.values():  # each worker loads the site and its first items
        bench.wrk(seconds=2, connections=args.connections, **target)
    for number in range(args.serve_rounds):
        for label, target in targets.items():
            sample = bench.wrk(seconds=args.duration, connections=args.connections, **target)
            if sample.non_2xx_3xx and "304" not in label:
                raise BenchError(f"{label}: {sample.non_2xx_3xx} answers were not 2xx or 3xx")
            samples[label].append(sample)
            log(f"  round {number + 1} {label:<40} {sample.rps:>8.1f} req/s")
    return samples


def report(prints, batch, sizes, samples, args, count):
    def med(values):
        return statistics.median(values)

    bare = med([s.rps for s in samples["bare Django view"]])
    total = [h + p for h, p in zip(prints["html"], prints["pdf"], strict=True)]
    lines = [
        START_MARKER,
        "## PDFs",
        "",
        f"`bench/pdfs.py`: {count} public publications ({args.publications} generated, the "
        "demo's and one long report), PostgreSQL, WeasyPrint "
        f"{weasyprint_version()} writing PDF/UA-1. The machine is shared: read the medians.",
        "",
        f"**Printing one item** ({SAMPLE_ITEMS} varied items, {args.rounds} times each after a "
        "warm-up, in one process; *HTML* renders the print template, *PDF* lays it out and "
        "writes the file):",
        "",
        "| | median | 95th percentile |",
        "|---|---:|---:|",
        f"| HTML | {med(prints['html']):.1f} ms | {percentile(prints['html'], 0.95):.1f} ms |",
        f"| PDF | {med(prints['pdf']):.0f} ms | {percentile(prints['pdf'], 0.95):.0f} ms |",
        f"| both | {med(total):.0f} ms | {percentile(total, 0.95):.0f} ms |",
        f"| the long report alone (40 paragraphs, 4 tables, 5 pictures; "
        f"{prints['long_size'] / 1024:.0f} KB) | {med(prints['long']):.0f} ms | "
        f"{max(prints['long']):.0f} ms (slowest) |",
        "",
        f"**Printing all of them**: `manage.py make_pdfs` made {batch['made']} PDFs in "
        f"{batch['seconds']:.0f} s ({batch['seconds'] / max(batch['made'], 1) * 1000:.0f} ms "
        f"each, one process), then found all {batch['made']} up to date in "
        f"{batch['again']:.1f} s. Sizes: median {med(sizes) / 1024:.0f} KB, 95th percentile "
        f"{percentile(sizes, 0.95) / 1024:.0f} KB, largest {max(sizes) / 1024:.0f} KB, "
        f"{sum(sizes) / 1024 / 1024:.1f} MB in all.",
        "",
        f"**Serving a made PDF** (gunicorn, 2 sync workers, wrk with {args.connections} "
        f"connections, {args.serve_rounds} rounds of {args.duration} s, medians; the share "
        "is of the bare view's req/s in the same run). Each request checks that the item is "
        "public and its PDF current (kept per content generation, so a repeat costs no "
        "printing) and streams the file from the media storage; the random row draws "
        "from all of them, so its first round meets the item lookups cold and later rounds "
        "partly warm.",
        "",
        "| | req/s | share of bare | p50 | p99 |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, values in samples.items():
        rps = med([s.rps for s in values])
        p50 = med([s.p50_ms for s in values if s.p50_ms is not None])
        p99 = med([s.p99_ms for s in values if s.p99_ms is not None])
        lines.append(
            f"| {label} | {rps:.0f} | {rps / bare:.0%} | {bench.fmt_ms(p50)} | "
            f"{bench.fmt_ms(p99)} |"
        )
    lines += ["", "Machine:", ""]
    lines += [f"- {name}: {value}" for name, value in bench.machine_details()]
    lines.append(END_MARKER)
    return "\n".join(lines) + "\n"


def weasyprint_version():
    import weasyprint

    return weasyprint.__version__


@contextlib.contextmanager
def work_directory(keep):
    path = tempfile.mkdtemp(prefix="rsis-bench-pdfs-")
    try:
        yield path
    finally:
        if not keep:
            shutil.rmtree(path, ignore_errors=True)


def main(argv=None):
    args = parse_args(argv)
    servers = []
    with work_directory(args.keep) as tmp:
        tmp_path = Path(tmp)
        static_root = tmp_path / "static"
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        env = bench.site_env(static_root, bench.CONFIGS[1])
        env.update(DJANGO_MEDIA_ROOT=str(tmp_path / "media"), DJANGO_SITE_URL=origin)
        try:
            log(f"Creating the PostgreSQL database {bench.DB_NAME}…")
            bench.create_database()
            prepare(env, args.publications)
            os.environ.update(env)
            sys.path.insert(0, str(bench.ROOT))
            import django

            django.setup()
            from publications.models import GeneratedPDF, Publication

            add_long_item()
            items, codes = sample_items()
            log(f"Printing {len(items)} items {args.rounds} times…")
            prints = time_prints(items, origin, args.rounds)
            log("Printing every public item with make_pdfs…")
            manage = [sys.executable, str(bench.ROOT / "manage.py"), "make_pdfs"]
            started = time.perf_counter()
            subprocess.run(manage, env=env, check=True, cwd=bench.ROOT)
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            subprocess.run(manage, env=env, check=True, cwd=bench.ROOT)
            again = time.perf_counter() - started
            sizes = list(GeneratedPDF.objects.values_list("size", flat=True))
            batch = {"made": len(sizes), "seconds": seconds, "again": again}
            etag = f'"{GeneratedPDF.objects.get(publication__code=codes[0]).fingerprint[:32]}"'
            count = Publication.objects.public().count()

            bare_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
            bare = Gunicorn("bare", "bare:application", free_port(), bare_env, tmp_path)
            servers.append(bare)
            bare.start(chdir=bench.BENCH_DIR)
            bench.clear_redis_cache()
            site = Gunicorn("site", "rsis_site.wsgi", port, env, tmp_path)
            servers.append(site)
            site.start()
            log(f"Serving: site on {site.base_url}, bare view on {bare.base_url}")
            samples = serve(site, bare, codes, etag, args, tmp_path)
            problems = site.problems()
            if problems:
                raise BenchError("The site logged problems:\n" + "\n".join(problems[:20]))
            write_report(
                args.output,
                report(prints, batch, sizes, samples, args, count),
                START_MARKER,
                END_MARKER,
            )
            log(f"Wrote {args.output}")
        finally:
            for server in reversed(servers):
                server.stop()
            try:
                bench.clear_redis_cache()
            except Exception as error:
                log(f"Could not clear the bench Redis keys: {error}")
            from django.db import connections

            connections.close_all()
            if args.keep:
                log(f"Kept the database {bench.DB_NAME} and the files in {tmp}")
            else:
                log(f"Dropping the database {bench.DB_NAME}…")
                bench.drop_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
