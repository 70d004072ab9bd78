"""How the pre-publish check's findings are shown on an item's edit page.

Each finding stands under the field it is about, in the field's help area (which screen readers
read with the field), from the moment the page opens: "Needed before publishing" for what
blocks publishing, "Worth fixing" for advice. What concerns no field of the page (the authors,
a field the person may not change) is said in a message at the top of the page.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .body_checks import ERROR

MEDIA = forms.Media(css={"all": ["editorial/checks.css"]})


def level_label(level, public):
    if level != ERROR:
        return "Worth fixing:"
    return "Needs fixing:" if public else "Needed before publishing:"


def findings_html(problems, public=False):
    """The findings as a list to put under a field."""
    items = format_html_join(
        "",
        '<li class="check-finding check-finding--{}"><strong>{}</strong> {}{}</li>',
        (
            (
                problem.level,
                level_label(problem.level, public),
                problem.message,
                _place_html(problem.place),
            )
            for problem in problems
        ),
    )
    return format_html('<ul class="check-findings">{}</ul>', items)


def _place_html(place):
    if not place:
        return ""
    return format_html(' <span class="check-finding__place">In the text: {}</span>', place)


def show_beside_fields(form, findings, *, public=False, skip_errors=False):
    """Put ``findings`` (``{field name: [Problem]}``) in the help of the form's fields; returns
    the problems that have no field on the page. With ``skip_errors``, errors are left out
    (the form shows them as its own errors)."""
    elsewhere = []
    for name, problems in findings.items():
        if skip_errors:
            problems = [problem for problem in problems if problem.level != ERROR]
        if not problems:
            continue
        field = form.fields.get(name) if name else None
        if field is None or field.widget.is_hidden:
            elsewhere += problems
            continue
        # The help text is HTML already, as the admin shows it.
        help_html = mark_safe(field.help_text)  # noqa: S308
        before = format_html('<span class="check-help">{}</span>', help_html)
        field.help_text = format_html(
            "{}{}", before if field.help_text else "", findings_html(problems, public)
        )
        # A form that was checked has made its bound fields already, with the help they had.
        form[name].help_text = field.help_text
    return elsewhere


def page_messages(obj, report, elsewhere, *, errors_shown=False, public=False):
    """The messages at the top of the edit page: how many things block publishing (unless the
    form already says so), and the findings that have no field on the page."""
    texts = []
    errors = [problem for problem in report.problems if problem.level == ERROR]
    if errors and not errors_shown and not public:
        count = len(errors)
        things = "1 thing needs" if count == 1 else f"{count} things need"
        texts.append(
            f"This {obj._meta.verbose_name} cannot be published yet: {things} fixing first, "
            "shown under the fields concerned."
        )
    for problem in elsewhere:
        texts.append(problem.text)
    return texts


def not_ready(errors):
    """The message after an item that cannot be published yet is saved."""
    count = len(errors)
    things = "1 thing" if count == 1 else f"{count} things"
    return (
        f"Before it can be published, {things} must be fixed (shown under the fields concerned "
        f"on its page): {' '.join(errors)}"
    )
