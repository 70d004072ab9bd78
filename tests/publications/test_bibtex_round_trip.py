"""BibTeX exports of titles full of characters that BibTeX or LaTeX treat as markup.

The guarantee, for every title:

1. Read whole. bibtexparser 2.x, bibtexparser 1.x and pybtex each read exactly one entry, with
   the key, the year, the url and both authors as written; none drops, cuts or reorders a field,
   even for a stray ``{`` or ``}``. All three return the same LaTeX for the title.
2. Means the title. That LaTeX, read with LaTeX's own meaning of its commands (``\\%``,
   ``\\textbraceleft{}``, ``\\textbackslash{}``...), is the title as typed: every special
   character is one text command, and other letters, accented or not, are UTF-8 as typed.
3. Decodes back where the decoder knows the command. The parsers' LaTeX decoders give the
   title back exactly when it has none of the characters they do not decode:
   bibtexparser 2.x's ``LatexDecodingMiddleware`` all but ``{ } ^`` (it drops
   ``\\textbraceleft`` and turns ``\\textasciicircum`` into ``ˆ``), bibtexparser 1.x's
   ``convert_to_unicode`` the same, and pybtex's ``Text.from_latex`` all but ``{ } ^ $``.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from pybtex.database import parse_string
from pybtex.richtext import Text

from tests.factories import AuthorshipFactory

BIBTEXPARSER1 = Path(sys.prefix) / "bibtexparser1"
NASTY = ["{", "}", "\\", "%", "&", "#", "$", "_", "~", "^", "é", "中"]
TITLES = [f"Before {c} after" for c in NASTY] + [
    "Sets {A} and {B}",
    "A } then { again",
    "}{",
    r"\{ \} {}{ \textbf{x} \\",
    "All: " + " ".join(NASTY) + " “quoted” – done",
]
UNDECODED = {"bibtexparser2": "{}^", "bibtexparser1": "{}^", "pybtex": "{}^$"}

#: What LaTeX typesets for each command of the exports.
LATEX_MEANING = {
    "textbackslash": "\\",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textdollar": "$",
    "textasciicircum": "^",
    "textasciitilde": "~",
}
COMMAND = re.compile(r"\\(?:([a-z]+)\{\}|([%&#_]))")

#: Parses BibTeX read on stdin with bibtexparser 1.x and prints its entries, raw and decoded.
READ_WITH_BIBTEXPARSER1 = """
import json, sys
import bibtexparser
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode

text = sys.stdin.read()
decoding = BibTexParser(common_strings=True)
decoding.customization = convert_to_unicode
print(json.dumps({
    "raw": bibtexparser.loads(text, parser=BibTexParser(common_strings=True)).entries,
    "decoded": bibtexparser.loads(text, parser=decoding).entries,
}))
"""


def latex_meaning(latex):
    """The text that LaTeX typesets for a title field of the export (less its outer braces)."""
    assert latex.startswith("{") and latex.endswith("}"), latex
    return COMMAND.sub(lambda m: LATEX_MEANING[m[1]] if m[1] else m[2], latex[1:-1])


def read_with_bibtexparser1(text):
    if not BIBTEXPARSER1.is_dir():
        pytest.fail(f"bibtexparser 1.x is missing from {BIBTEXPARSER1}: run `make install`.")
    done = subprocess.run(
        [sys.executable, "-c", READ_WITH_BIBTEXPARSER1],
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(BIBTEXPARSER1)},
        check=True,
    )
    return json.loads(done.stdout)


def decodes(title, parser):
    return not set(title) & set(UNDECODED[parser])


@pytest.mark.parametrize("title", TITLES)
def test_bibtex_round_trips_through_every_parser(visitor, lavrov, title):
    lavrov.title = title
    lavrov.save()
    AuthorshipFactory(publication=lavrov, person=None, name=f"Jane {title} Roe", order=1)
    url = "http://testserver" + lavrov.get_absolute_url()

    response = visitor.get(f"{lavrov.get_absolute_url()}cite.bib")
    assert response.status_code == 200
    text = response.content.decode()

    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.key == "CO21113"
    assert entry["year"] == "2021" and entry["url"] == url
    latex = entry["title"]
    assert latex_meaning(latex) == title
    [decoded] = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware()]
    ).entries
    if decodes(title, "bibtexparser2"):
        assert decoded["title"] == title

    one = read_with_bibtexparser1(text)
    [raw] = one["raw"]
    assert raw["ID"] == "CO21113" and raw["year"] == "2021" and raw["url"] == url
    assert raw["title"] == latex
    assert raw["author"] == entry["author"]
    if decodes(title, "bibtexparser1"):
        assert one["decoded"][0]["title"] == title

    pybtex_entry = parse_string(text, "bibtex").entries["CO21113"]
    assert pybtex_entry.fields["year"] == "2021" and pybtex_entry.fields["url"] == url
    assert pybtex_entry.fields["title"] == latex
    assert len(pybtex_entry.persons["author"]) == 2
    if decodes(title, "pybtex"):
        assert Text.from_latex(latex).render_as("text") == title


def test_bibtex_parser_1_is_installed():
    """The round trip must not pass quietly without it."""
    assert (BIBTEXPARSER1 / "bibtexparser" / "__init__.py").is_file()
