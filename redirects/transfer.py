"""Redirects to and from a CSV file (opens in a spreadsheet): columns ``old_path,target,status``.

The export writes every redirect's target as the address it leads to now; importing the file
back changes nothing (a redirect that follows an item keeps following it). The import saves the
good lines, each checked as any redirect is, and reports the others by their line numbers.
"""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone

from . import services
from .models import Redirect

COLUMNS = ["old_path", "target", "status"]
#: Written after the columns read back, for information.
EXTRA_COLUMNS = ["visits", "last_visit", "made"]
MAX_BYTES = 2 * 2**20
CSV_TYPES = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", ""}


def export_response(redirects, *, filename="redirects"):
    """A CSV file of ``redirects``, downloaded as ``<filename>-<date>.csv``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS + EXTRA_COLUMNS)
    for redirect in redirects:
        last = redirect.last_hit_at
        writer.writerow(
            [
                redirect.old_path,
                redirect.target_url() or "",
                redirect.status,
                redirect.hits,
                timezone.localtime(last).strftime("%Y-%m-%d %H:%M") if last else "",
                redirect.source,
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="A .csv file (UTF-8) of at most 2 MB whose first line names the columns "
        "old_path,target,status. “target”: an address on this site (/publications/) or a full "
        "address of this site; empty for status 410. “status”: 301 (moved) or 410 (gone); "
        "empty means 301. A file downloaded from this list can be changed and imported back.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError("The file is over 2 MB: import it in smaller parts.")
        name = (upload.name or "").lower()
        content_type = (upload.content_type or "").split(";")[0].strip().lower()
        if not name.endswith(".csv") or content_type not in CSV_TYPES:
            raise ValidationError("Choose a CSV file (its name ends in .csv).")
        data = upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValidationError("The file is over 2 MB: import it in smaller parts.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                "This file is not CSV text: save it from the spreadsheet as “CSV UTF-8”."
            ) from None
        if "\x00" in text:
            raise ValidationError("This file is not CSV text.")
        try:
            rows = list(_numbered_rows(text))
        except csv.Error as error:
            raise ValidationError(f"This file cannot be read as CSV: {error}.") from None
        if not rows:
            raise ValidationError("The file is empty.")
        header = [cell.strip().lower() for cell in rows[0][1]]
        if header[: len(COLUMNS)] != COLUMNS:
            raise ValidationError(
                "The first line must name the columns old_path,target,status (it reads: "
                f"{','.join(rows[0][1])[:100]})."
            )
        return rows[1:]


def _numbered_rows(text):
    reader = csv.reader(io.StringIO(text, newline=""))
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


def import_rows(rows):
    """Keep the redirect of each ``(line number, cells)``; returns (saved, unchanged, errors),
    the errors as "Line 3: …" sentences."""
    saved, unchanged, errors = 0, 0, []
    olds = {services.site_path(cells[0]) for _, cells in rows if cells}
    existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=olds - {None})}
    for line, cells in rows:
        old, target, status = (*[cell.strip() for cell in cells[:3]], "", "")[:3]
        try:
            status = _status(status)
            if _same(existing.get(services.site_path(old)), target, status):
                unchanged += 1
                continue
            services.redirect_to(old, path=target, status=status, source=Redirect.Source.IMPORT)
        except ValidationError as error:
            errors.append(f"Line {line} ({old or 'no old address'}): {' '.join(error.messages)}")
            continue
        saved += 1
    return saved, unchanged, errors


def _status(text):
    if text in ("", "301"):
        return Redirect.Status.MOVED
    if text == "410":
        return Redirect.Status.GONE
    raise ValidationError("the status must be 301 (moved) or 410 (gone).")


def _same(redirect, target, status):
    """Whether ``redirect`` already answers ``target`` with ``status``."""
    if redirect is None or redirect.status != status:
        return False
    if status == Redirect.Status.GONE:
        return not target
    try:
        return bool(target) and redirect.target_url() == services.target_address(target)
    except ValidationError:
        return False
