"""Reading an export: a stream, in bounded memory, whatever its size."""

import tracemalloc

from imports import wxr

from .export import Post, export


def test_a_large_export_is_read_in_bounded_memory(tmp_path):
    body = "A paragraph of a long commentary on the region. " * 80  # about 4 kB a post
    path = tmp_path / "large.xml"
    path.write_text(export([Post(n, f"CO21{n % 1000:03d} | Post {n}", content=body)
                            for n in range(1, 3001)]))  # fmt: skip
    assert path.stat().st_size > 12_000_000
    tracemalloc.start()
    try:
        items = sum(isinstance(part, wxr.Item) for part in wxr.read(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == 3000
    assert peak < 2_000_000, f"reading held {peak / 1e6:.1f} MB"


def test_fields_of_an_item_are_read_in_either_namespace_spelling(tmp_path):
    for https in (False, True):
        path = tmp_path / f"one-{https}.xml"
        path.write_text(export([Post(7, "CO21007 | Seven", meta={"byline": "Tan"})], https=https))
        parts = list(wxr.read(path))
        site, item = parts[0], parts[-1]
        assert site.version == "1.2" and site.key == "old.example.org"
        assert (item.post_id, item.post_type, item.status) == ("7", "post", "publish")
        assert item.meta == {"byline": "Tan"}
