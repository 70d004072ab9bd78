import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from publications.models import Series
from tests.factories import jpeg_bytes
from tests.pdf_files import text_pdf

DEMO_SERIES = Path(__file__).resolve().parents[2] / "publications/demo/series.json"


@pytest.fixture
def series(site_facts):
    """The twelve RSIS series of the demo, by slug."""
    for order, spec in enumerate(json.loads(DEMO_SERIES.read_text())["series"]):
        Series.objects.create(
            name=spec["name"],
            item_name=spec["item_name"],
            slug=spec["slug"],
            code_prefix=spec["code_prefix"],
            order=order,
        )
    return {s.slug: s for s in Series.objects.all()}


@pytest.fixture
def run_import(tmp_path, series):
    """Write an export and import it: returns the command's output."""

    def run(text, *args):
        path = tmp_path / "export.xml"
        path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
        out = StringIO()
        call_command("import_wordpress", str(path), *args, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads with a picture, a size variant's original and a PDF."""
    folder = tmp_path / "uploads"
    (folder / "2021/06").mkdir(parents=True)
    (folder / "2021/06/lavrov.jpg").write_bytes(jpeg_bytes(800, 450))
    (folder / "2021/06/map.jpg").write_bytes(jpeg_bytes(640, 480, color=(10, 90, 200)))
    (folder / "2021/06/co21113.pdf").write_bytes(text_pdf())
    (folder / "2021/06/broken.jpg").write_bytes(b"not a picture at all")
    return folder
