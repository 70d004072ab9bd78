"""The check made before an item goes public.

Before an item is published (or scheduled), its content is checked, as its app registered
(``editorial.registry.register_checks``). *Errors* block publishing: the editor is told what to
fix and nothing is saved. *Warnings* do not block: the item is published and the editor is told
what could be better. What the check finds in a body (links, pictures, headings, tables) is in
``editorial.body_checks``, each finding with the words around it.

``prepublish_report(item)`` gives the full list, and ``field_findings(item)`` the same by form
field; ``publishable(item)`` answers yes or no with the reasons (used by the bulk "publish"
actions to skip items that are not ready). ``PrepublishCheckMixin`` applies the check to the
admin's edit page: it blocks publishing, and shows what it finds next to each field from the
moment the page is opened, and after each save.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from . import check_display, registry
from .body_checks import ERROR, WARNING, body_findings, has_text, link_problem  # noqa: F401
from .restore import state_before_restore

#: The longest synopsis (or summary) accepted, in characters: about a hundred words, what a
#: list or a feed shows comfortably. The demo and generated synopses are well under it.
SUMMARY_MAX_LENGTH = 600


@dataclass(frozen=True)
class Problem:
    level: str  # ERROR or WARNING
    field: str | None  # the form field it is about, if any
    message: str
    #: For a problem in a body: the words around it, quoted, to find it in the text.
    place: str = ""

    @property
    def text(self):
        return f"{self.message} In the text: {self.place}" if self.place else self.message


@dataclass
class Report:
    """What the check found: ``errors`` block publishing, ``warnings`` do not."""

    problems: list = field(default_factory=list)

    def add(self, level, field_name, message, place=""):
        self.problems.append(Problem(level, field_name, message, place))

    @property
    def errors(self):
        return [p.text for p in self.problems if p.level == ERROR]

    @property
    def warnings(self):
        return [p.text for p in self.problems if p.level == WARNING]

    @property
    def ok(self):
        return not self.errors


def is_public_state(obj):
    """Whether ``obj``'s current state makes it public (published, or scheduled)."""
    state = registry.PUBLIC_STATES.get(obj._meta.label_lower)
    if state is None:
        return False
    name, values = state
    return getattr(obj, name) in values


def publishable(obj):
    """``(True, [])`` if ``obj`` may be published, else ``(False, [the reasons])``."""
    report = prepublish_report(obj)
    return report.ok, report.errors


def prepublish_report(obj, categories=None, overrides=None):
    """Check ``obj`` before it goes public.

    ``categories``: the categories chosen in a form, before they are saved (by default, the
    item's saved ones). ``overrides``: field values to check instead of the item's, e.g. the
    text exactly as typed, before the clean-up that drops malformed links.
    """
    rules = registry.check_rules(obj)
    values = overrides or {}
    report = Report()

    def value(name):
        return values[name] if name in values else getattr(obj, name, None)

    if summary_field := rules.summary:
        _check_summary(report, obj, summary_field, value(summary_field) or "")
    if rules.categories:
        _check_categories(report, obj, rules.categories, categories)
    _check_image(report, obj)
    for check in rules.extra:
        check(report, obj)
    body_field = rules.body
    body = (value(body_field) or "") if body_field else ""
    if body_field:
        for level, message, place in body_findings(body, _label(obj, body_field)):
            report.add(level, body_field, message, place)
    # A new item's authors are not saved yet; they are checked once it is saved.
    authors = rules.authors
    if authors and obj.pk is not None and not _saved_rows(obj, authors).exists():
        report.add(WARNING, None, "No author is given: add at least one in “Authors”.")
    pdf_field = rules.pdf
    if pdf_field and body_field and not has_text(body) and not value(pdf_field):
        report.add(
            WARNING,
            body_field,
            f"The {_label(obj, body_field)} is empty and there is no PDF: readers will only "
            f"see the {_label(obj, rules.summary)}.",
        )
    return report


def field_findings(obj, categories=None, overrides=None, report=None):
    """What the check finds in ``obj``, by form field: ``{field name: [Problem, ...]}``, errors
    before warnings, those about no one field (such as the authors) under None. A problem in
    a body has its ``place``: the words around it. ``categories`` and ``overrides`` are those of
    ``prepublish_report``; a ``report`` already made is used as it is."""
    report = report or prepublish_report(obj, categories=categories, overrides=overrides)
    found = {}
    for problem in sorted(report.problems, key=lambda problem: problem.level != ERROR):
        found.setdefault(problem.field, []).append(problem)
    return found


def _label(obj, name):
    try:
        return str(obj._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name.replace("_", " ")


def _saved_rows(obj, name):
    """The rows of the reverse relation ``name`` as saved now (not a list loaded earlier)."""
    relation = obj._meta.get_field(name)
    return relation.related_model._default_manager.filter(**{relation.field.name: obj})


def _has_field(obj, name):
    try:
        obj._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _check_summary(report, obj, name, text):
    label = _label(obj, name)
    length = len(text.strip())
    if not length:
        report.add(ERROR, name, f"The {label} is empty: write a short summary of the item.")
    elif length > SUMMARY_MAX_LENGTH:
        report.add(
            ERROR,
            name,
            f"The {label} is {length} characters long: shorten it to "
            f"{SUMMARY_MAX_LENGTH} characters or fewer.",
        )


def _check_categories(report, obj, name, categories):
    if categories is None:
        chosen = getattr(obj, name).exists() if obj.pk is not None else False
    else:
        chosen = len(list(categories)) > 0
    if not chosen:
        report.add(ERROR, name, f"Choose at least one of the {_label(obj, name)}.")


def _check_image(report, obj):
    if not _has_field(obj, "image") or not obj.image:
        return
    decorative = getattr(obj, "image_decorative", False)
    if _has_field(obj, "image_alt") and not decorative and not (obj.image_alt or "").strip():
        report.add(
            ERROR,
            "image_alt",
            "The image has no alt text: describe what it shows, for people who cannot see it.",
        )
    if _has_field(obj, "image_credit") and not (obj.image_credit or "").strip():
        report.add(
            ERROR, "image_credit", "The image has no credit: say where the image comes from."
        )
    if _has_field(obj, "image_licence") and not (obj.image_licence or "").strip():
        report.add(
            ERROR,
            "image_licence",
            "The image has no licence: give the terms it is used under, e.g. “© RSIS”.",
        )


class PrepublishCheckMixin:
    """Admin mixin: run the pre-publish check when an item is saved in a public state, and
    show what it finds while the item is written.

    Errors are shown on the edit page and nothing is saved; warnings are shown as messages
    once the item is saved. Drafts and items awaiting review are never blocked, but what would
    block them (and what could be better) is shown next to each field when the page opens, and
    said after each save. Put it before the admin's base class, e.g.
    ``class ItemAdmin(PrepublishCheckMixin, ...)``.
    """

    prepublish_intro = (
        "This item cannot be published yet. Fix the problems below, or save it as a draft."
    )

    @property
    def media(self):
        return super().media + check_display.MEDIA

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class PrepublishForm(form_class):
            def _post_clean(self):
                super()._post_clean()
                model_admin.prepublish_check_form(self, request)

        PrepublishForm.__name__ = form_class.__name__
        return PrepublishForm

    def prepublish_check_form(self, form, request=None):
        """Turn the check's errors into form errors when the form makes the item public."""
        obj = form.instance
        if not is_public_state(obj) or self._was_public(obj, request):
            # A correction to an item already out is never blocked; it is warned about instead.
            return
        report = self._form_report(form)
        form.prepublish_errors_shown = True
        if report.errors:
            form.add_error(None, self.prepublish_intro)
        for problem in report.problems:
            if problem.level != ERROR:
                continue
            if problem.field in form.fields:
                form.add_error(problem.field, problem.text)
            else:
                form.add_error(None, problem.text)

    def _form_report(self, form):
        """The check of the item as the form has it (before anything is saved), made once."""
        report = getattr(form, "prepublish_report", None)
        if report is not None:
            return report
        obj = form.instance
        rules = registry.check_rules(obj)
        cleaned = getattr(form, "cleaned_data", None) or {}
        categories = None
        category_field = rules.categories
        if category_field and category_field in form.fields and category_field in cleaned:
            categories = cleaned[category_field]
        overrides = {}
        body_field = rules.body
        if body_field and body_field in cleaned:
            # The text as typed: the clean-up on saving quietly drops malformed links.
            overrides[body_field] = cleaned[body_field]
        form.prepublish_report = prepublish_report(obj, categories, overrides)
        return form.prepublish_report

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The edit page, with what the check finds next to each field it is about (and, for
        what concerns no field on the page, in a message at the top). A new item's page says
        from the start what publishing it will need."""
        adminform = context.get("adminform")
        form = getattr(adminform, "form", None)
        if form is not None:
            report = self._form_report(form)
            shown = getattr(form, "prepublish_errors_shown", False)
            findings = field_findings(form.instance, report=report)
            public = is_public_state(form.instance)
            elsewhere = check_display.show_beside_fields(
                form, findings, public=public, skip_errors=shown
            )
            texts = check_display.page_messages(
                form.instance, report, elsewhere, errors_shown=shown, public=public
            )
            if form.instance.pk is None and not form.is_bound:
                texts = []  # a blank new item: what it needs is under its fields
            for text in texts:
                self.message_user(request, text, messages.WARNING)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        report = prepublish_report(obj)
        if is_public_state(obj):
            problems = report.warnings + (report.errors if change else [])
            for problem in dict.fromkeys(problems):
                self.message_user(request, capfirst(problem), messages.WARNING)
        elif report.errors:
            self.message_user(request, check_display.not_ready(report.errors), messages.WARNING)

    @staticmethod
    def _was_public(obj, request=None):
        """Whether the item was public before this request changed it.

        When an old version is being restored, the database already holds the old version
        by the time the form is checked: the state from before the restore is used instead,
        so that restoring a published version of a withdrawn item is checked in full."""
        if obj.pk is None:
            return False
        known, before = state_before_restore(request, obj)
        if not known:
            before = type(obj)._default_manager.filter(pk=obj.pk).first()
        return before is not None and is_public_state(before)
