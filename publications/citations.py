"""Citations of a publication: a formatted reference and BibTeX, RIS and CSL-JSON exports.

All four come from one ``Citation`` so they always agree. An RSIS series item is cited as a
report: the school is the institution, the series the collection, the code the number.
"""

import json
import re
from dataclasses import dataclass

from django.utils.dateformat import format as format_date

from core.media import site_address
from core.site import get_site_context
from core.text import single_line

PLACE = "Singapore"


@dataclass(frozen=True)
class Author:
    family: str
    given: str

    @classmethod
    def parse(cls, display_name, sort_name=""):
        """Split a name into family and given names.

        ``sort_name`` (“Cheang, Chris”) decides when there is one; otherwise the last word is
        the family name. Names that read like an organisation (“Centre for Policy Research”),
        or of one word, are kept whole, with no given name.
        """
        name = sort_name if "," in sort_name else display_name
        if "," in name:
            family, given = (part.strip() for part in name.split(",", 1))
            return cls(family, given)
        words = name.split()
        if len(words) < 2 or len(words) > 4 or any(word[0].islower() for word in words):
            return cls(" ".join(words), "")
        return cls(words[-1], " ".join(words[:-1]))

    @property
    def inverted(self):
        """“Family, Given”, or the whole name when there is no given name."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def natural(self):
        return f"{self.given} {self.family}" if self.given else self.family


@dataclass(frozen=True)
class Citation:
    key: str
    authors: tuple
    title: str
    date: object
    institution: str
    series: str
    genre: str
    number: str
    url: str
    pdf_url: str
    abstract: str
    keywords: tuple

    @classmethod
    def of(cls, publication, absolute):
        """``absolute`` turns a path into a full address, e.g. ``request.build_absolute_uri``."""
        authors = tuple(
            Author.parse(a.person.name, a.person.sort_name) if a.person_id else Author.parse(a.name)
            for a in publication.authorships.all()
        )
        return cls(
            key=publication.code or f"rsis-{publication.pk}",
            authors=authors,
            title=publication.title,
            date=publication.publication_date,
            institution=get_site_context()["name"],
            series=f"RSIS {publication.series.name}"
            if not publication.series.name.startswith("RSIS")
            else publication.series.name,
            genre=publication.series.item_name,
            number=publication.code or "",
            url=absolute(publication.get_absolute_url()),
            pdf_url=absolute(site_address(publication.pdf.name)) if publication.pdf else "",
            abstract=publication.synopsis,
            keywords=tuple(tag.name for tag in publication.tags.all()),
        )


def reference(publication, absolute):
    """A reference in author–date style, as plain text."""
    c = Citation.of(publication, absolute)
    names = [a.inverted for a in c.authors[:1]] + [a.natural for a in c.authors[1:]]
    if len(names) > 1:
        people = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        people = "".join(names) or c.institution
    date = format_date(c.date, "j F Y") if c.date else "n.d."
    number = f", {c.number}" if c.number else ""
    return f"{people}. “{c.title}”. {c.series}{number}. {PLACE}: {c.institution}, {date}. {c.url}"


#: LaTeX for the characters that BibTeX or LaTeX would otherwise read as markup. Braces become
#: text commands, never ``\{``: BibTeX counts every brace, escaped or not, to find where a
#: field ends, so one stray brace would swallow or cut the fields after it.
_BIBTEX_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\textdollar{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX_LATEX)) + "]")
_BIBTEX_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.:+/-]")


def _bib(value):
    """``value`` as the LaTeX of a BibTeX field, on one line; other letters stay UTF-8."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_LATEX[m[0]], single_line(value))


def _bib_name(author):
    """BibTeX's “Family, Given”; a whole name is braced so that it is never split."""
    if author.given:
        return f"{_bib(author.family)}, {_bib(author.given)}"
    return "{" + _bib(author.family) + "}"


def bibtex(publication, absolute):
    c = Citation.of(publication, absolute)
    fields = [
        (
            "author",
            " and ".join(_bib_name(a) for a in c.authors),
        ),
        ("title", "{" + _bib(c.title) + "}"),
        ("institution", _bib(c.institution)),
        ("address", PLACE),
        ("type", _bib(c.genre)),
        ("number", _bib(c.number)),
        ("series", _bib(c.series)),
        ("year", str(c.date.year) if c.date else ""),
        ("month", str(c.date.month) if c.date else ""),
        ("date", c.date.isoformat() if c.date else ""),
        ("url", c.url),
        ("abstract", _bib(c.abstract)),
        ("keywords", _bib(", ".join(c.keywords))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    key = _BIBTEX_KEY_UNSAFE.sub("", c.key) or "rsis"
    return f"@techreport{{{key},\n{body}\n}}\n"


def ris(publication, absolute):
    c = Citation.of(publication, absolute)
    lines = [("TY", "RPRT")]
    lines += [("AU", a.inverted) for a in c.authors]
    lines += [("TI", c.title), ("T2", c.series), ("PB", c.institution), ("CY", PLACE)]
    if c.date:
        lines += [("PY", str(c.date.year)), ("DA", c.date.strftime("%Y/%m/%d"))]
    if c.number:
        lines += [("VL", c.number), ("ID", c.number)]
    lines += [("M3", c.genre), ("UR", c.url)]
    if c.pdf_url:
        lines.append(("L1", c.pdf_url))
    if c.abstract:
        lines.append(("AB", c.abstract))
    lines += [("KW", keyword) for keyword in c.keywords]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {single_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def csl_data(publication, absolute):
    c = Citation.of(publication, absolute)
    item = {
        "id": c.key,
        "type": "report",
        "title": c.title,
        "author": [
            {"family": a.family, "given": a.given} if a.given else {"literal": a.family}
            for a in c.authors
        ],
        "publisher": c.institution,
        "publisher-place": PLACE,
        "collection-title": c.series,
        "genre": c.genre,
        "URL": c.url,
    }
    if c.number:
        item["number"] = c.number
    if c.date:
        item["issued"] = {"date-parts": [[c.date.year, c.date.month, c.date.day]]}
    if c.abstract:
        item["abstract"] = c.abstract
    if c.keywords:
        item["keyword"] = ", ".join(c.keywords)
    return [item]


def csl_json(publication, absolute):
    return json.dumps(csl_data(publication, absolute), ensure_ascii=False, indent=2) + "\n"
