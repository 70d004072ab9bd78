"""The words of a text, shared by the index and the search.

The index and the search must agree on what a word is (the word list offered as corrections
is made of the same words a query is split into) and on the marks a PostgreSQL headline puts
around matched words (stripped from every indexed text, so a document can never fake one).
Nothing here touches the database.
"""

import html
import re

import nh3

MAX_TERMS = 8
# Marks that ts_headline puts around matched words; never part of an indexed text.
START_MARK, STOP_MARK = "\ue000", "\ue001"
TERM_PATTERN = re.compile(r"[^\W\d_]{3,}")
MAX_TERM = 60


def query_terms(query):
    """The words of a cleaned query, as the plain matching and the excerpts look for them."""
    return [term for term in query.split(" ") if term][:MAX_TERMS]


def plain_text(markup):
    """The visible text of ``markup``: tags dropped, entities decoded, spaces collapsed."""
    text = html.unescape(nh3.clean(markup or "", tags=set()))
    text = text.replace(START_MARK, "").replace(STOP_MARK, "")
    return " ".join(text.split())


def terms_of(*texts):
    """The words of ``texts`` worth offering as corrections of a misspelled query."""
    return {
        word
        for text in texts
        for word in TERM_PATTERN.findall(text.lower())
        if len(word) <= MAX_TERM
    }
