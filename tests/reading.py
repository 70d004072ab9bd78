"""Checks on what a reader meets on a page or in a document."""


def assert_in_order(text, parts):
    """Every one of ``parts`` is in ``text``, in the order given."""
    positions = [text.find(part) for part in parts]
    missing = [part for part, at in zip(parts, positions, strict=True) if at == -1]
    assert not missing, missing
    assert positions == sorted(positions), [
        part for part, at in sorted(zip(parts, positions, strict=True), key=lambda p: p[1])
    ]
