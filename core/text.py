"""Plain text made safe for line-based formats: iCalendar, BibTeX, RIS, CSV and HTTP headers.

Those formats end a record or a header at a line break, and some readers stop at other control
characters, so a stray one in a title would break the file or the response. Titles, names and
codes are cleaned on save, and the exporters clean again, for rows saved before or around that.
"""

import re

#: C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def single_line(text):
    """``text`` on one line: each control character or line break a space, runs of spaces one,
    no space at either end."""
    return " ".join(CONTROL.sub(" ", text or "").split())


class SingleLineFields:
    """Model mixin: the text fields named in ``single_line_fields`` are kept on one line.

    Admin forms take such fields from one-line inputs, but a crafted request, an import or a
    script can still bring a line break in, which would break every export of the item.
    """

    single_line_fields = ()

    def clean_single_line_fields(self):
        for name in self.single_line_fields:
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, single_line(value))

    def clean_fields(self, exclude=None):
        self.clean_single_line_fields()
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.clean_single_line_fields()
        super().save(*args, **kwargs)
