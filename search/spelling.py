"""Corrections of misspelled queries: “Lavorv” finds “Lavrov”.

Only a query that finds nothing is corrected, and only its longer words: each is replaced by
the nearest word of a title or name (the word list ``SearchTerm``, kept by the index), found
by the backend (trigram distance on PostgreSQL, ``difflib`` elsewhere). The word list also
holds words of drafts, so a correction is only offered if something the visitor may see
contains it: a draft's title must not show through a “did you mean”.
"""

import re

from django.db.models import Exists

from .backends import backend
from .models import SearchEntry
from .text import terms_of

MIN_LENGTH = 4
MAX_CORRECTED = 4


def corrected(words, *, visible):
    """``words`` with unknown words replaced by the nearest known title or name words, or
    None when nothing changes. ``visible`` holds the entries the visitor may see."""
    asked = [w for w in dict.fromkeys(terms_of(words)) if len(w) >= MIN_LENGTH][:MAX_CORRECTED]
    if not asked:
        return None
    known = backend().nearest(asked)
    replacements = {word: best for word, best in known.items() if best and best != word}
    found = visible_words(visible, set(replacements.values()))
    replacements = {word: best for word, best in replacements.items() if best in found}
    if not replacements:
        return None
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in replacements) + r")\b", re.IGNORECASE
    )
    return pattern.sub(lambda m: replacements.get(m.group(0).lower(), m.group(0)), words)


def visible_words(visible, candidates):
    """Those of ``candidates`` found in one of the ``visible`` entries: one statement."""
    if not candidates:
        return set()
    engine = backend()
    ordered = sorted(candidates)
    flags = {
        f"word_{number}": Exists(engine.containing(visible, word))
        for number, word in enumerate(ordered)
    }
    row = SearchEntry.objects.order_by().annotate(**flags).values(*flags).first() or {}
    return {word for number, word in enumerate(ordered) if row.get(f"word_{number}")}
