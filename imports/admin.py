"""The record of each import, for administrators: what came in, and every warning to act on."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from .models import ImportRun
from .report import OUTCOMES


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "source", "site", "outcome", "summary", "warning_count"]
    list_filter = ["succeeded", "site"]
    search_fields = ["source", "site"]
    date_hierarchy = "started_at"
    fields = ["source", "site", "started_at", "finished_at", "outcome", "counts_table",
              "warning_list", "options"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Result", ordering="succeeded")
    def outcome(self, run):
        if run.finished_at is None:
            return "Running or stopped"
        return "Finished" if run.succeeded else "Stopped by an error"

    @admin.display(description="Items")
    def summary(self, run):
        totals = {o: sum(c.get(o, 0) for c in run.counts.values()) for o in OUTCOMES}
        return ", ".join(f"{totals[o]} {o}" for o in OUTCOMES if totals[o]) or "nothing"

    @admin.display(description="Warnings")
    def warning_count(self, run):
        return len(run.warnings)

    @admin.display(description="What was done")
    def counts_table(self, run):
        head = format_html_join("", "<th scope='col'>{}</th>", ((o,) for o in OUTCOMES))
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th>{}</tr>",
            (
                (kind, format_html_join("", "<td>{}</td>", ((c.get(o, 0),) for o in OUTCOMES)))
                for kind, c in sorted(run.counts.items())
            ),
        )
        return format_html("<table><thead><tr><td></td>{}</tr></thead><tbody>{}</tbody></table>",
                           head, rows)  # fmt: skip

    @admin.display(description="Warnings")
    def warning_list(self, run):
        if not run.warnings:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li><strong>{}</strong>: {}</li>",
                ((w.get("item", ""), w.get("message", "")) for w in run.warnings),
            ),
        )  # fmt: skip
