"""Exporting the items of an admin list as a CSV file (opens in Excel).

The columns are those the item's app registers (``editorial.registry.register_csv``), or an
admin's own ``csv_columns``; every cell is on one line and never runs as a formula.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from core.text import single_line

from . import registry

#: A cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def local_time(moment):
    """A moment as local time to the minute, for a cell."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def names(items):
    """Several things in one cell."""
    return "; ".join(str(item) for item in items)


def absolute_url(obj, request):
    """The full address of the item's public page."""
    return request.build_absolute_uri(obj.get_absolute_url())


#: The export of a model that registers no columns.
_DEFAULT_EXPORT = registry.CsvExport(
    columns=(("ID", lambda o, r: o.pk), ("Item", lambda o, r: str(o)))
)


def safe_cell(value):
    """``value`` as text on one line, made harmless for spreadsheets: a cell that would start a
    formula (=, +, -, @) is prefixed with a quote, so it shows as typed and is never run."""
    text = "" if value is None else single_line(str(value))
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class CsvExportMixin:
    """Admin mixin: the "Export the selected items as CSV" action's view."""

    #: The export's columns, as (heading, function of the item and the request); by default
    #: the columns registered for the model.
    csv_columns = None

    def export_csv(self, request, queryset):
        export = registry.CSV_EXPORTS.get(self.model._meta.label_lower, _DEFAULT_EXPORT)
        columns = self.csv_columns or export.columns
        if self.csv_columns is None:
            queryset = queryset.select_related(*export.select_related).prefetch_related(
                *export.prefetch_related
            )
        buffer = io.StringIO()
        buffer.write("\ufeff")  # lets Excel read accents and curly quotes correctly
        writer = csv.writer(buffer)
        writer.writerow([safe_cell(heading) for heading, _ in columns])
        for obj in queryset.iterator(chunk_size=500):
            writer.writerow([safe_cell(value(obj, request)) for _, value in columns])
        name = slugify(self.model._meta.verbose_name_plural) or "items"
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        filename = f"{name}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    export_csv.short_description = "Export the selected items as CSV"
