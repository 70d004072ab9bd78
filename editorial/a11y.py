"""Every input of an admin form has a name a screen reader can say.

Django's admin leaves two kinds of inputs without one: the date and the time of a split
date-and-time field (its label points to neither), and the inputs of the rows of a table of
items edited inside another (an item's authors, an event's speakers), whose only label is the
column's heading. ``NamedFieldsMixin`` gives them ``aria-label``s that begin with the words
shown on the page, "Starts, date", "Outside name, author 2", so that voice control finds them
too. What scripts draw later (the pickers' searches, the rich-text editor) is named by
``editorial/static/editorial/admin_a11y.js``, which ``templates/admin/base_site.html`` loads.
"""

from django import forms

#: The parts of a split date-and-time field, in order.
SPLIT_PARTS = ("date", "time")


def _attrs(widget):
    """The attributes rendered on ``widget``'s input (inside a related-item wrapper's)."""
    return getattr(widget, "widget", widget).attrs


def name_parts(widget, label):
    """Name the date and the time of a split date-and-time ``widget`` after its ``label``."""
    widget = getattr(widget, "widget", widget)
    if isinstance(widget, forms.SplitDateTimeWidget):
        for part, subwidget in zip(SPLIT_PARTS, widget.widgets, strict=True):
            subwidget.attrs["aria-label"] = f"{label}, {part}"


def name_row(form, row):
    """Name each visible input of ``form``, a row of a table, after its column and ``row``."""
    for field in form.fields.values():
        if field.widget.is_hidden:
            continue
        label = f"{field.label}, {row}"
        _attrs(field.widget)["aria-label"] = label
        name_parts(field.widget, label)


def named_rows(formset, verbose_name):
    """``formset`` (a class) whose rows name their inputs: "Outside name, author 2", and in the
    blank row that "Add another" copies, "Outside name, new author"."""

    class NamedRows(formset):
        def add_fields(self, form, index):
            super().add_fields(form, index)
            row = f"new {verbose_name}" if index is None else f"{verbose_name} {index + 1}"
            name_row(form, row)

    NamedRows.__name__ = formset.__name__
    return NamedRows


class NamedFieldsMixin:
    """For a ``ModelAdmin``: split date-and-time fields and the rows of its inlines named."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            name_parts(field.widget, field.label)
        return field

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield named_rows(formset, inline.verbose_name), inline
