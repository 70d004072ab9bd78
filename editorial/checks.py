"""The check made before an item goes public.

Before an item is published (or scheduled), its content is checked, as its app registered
(``editorial.registry.register_checks``). *Errors* block publishing: the editor is told what to
fix and nothing is saved. *Warnings* do not block: the item is published and the editor is told
what could be better.

``prepublish_report(item)`` gives the full list; ``publishable(item)`` answers yes or no with
the reasons (used by the bulk "publish" actions to skip items that are not ready), and
``PrepublishCheckMixin`` applies the check to the admin's edit page.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.text import Truncator, capfirst

from . import registry
from .restore import state_before_restore

#: The longest synopsis (or summary) accepted, in characters: about a hundred words, what a
#: list or a feed shows comfortably. The demo and generated synopses are well under it.
SUMMARY_MAX_LENGTH = 600

ERROR = "error"
WARNING = "warning"

_http_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Problem:
    level: str  # ERROR or WARNING
    field: str | None  # the form field it is about, if any
    message: str


@dataclass
class Report:
    """What the check found: ``errors`` block publishing, ``warnings`` do not."""

    problems: list = field(default_factory=list)

    def add(self, level, field_name, message):
        self.problems.append(Problem(level, field_name, message))

    @property
    def errors(self):
        return [p.message for p in self.problems if p.level == ERROR]

    @property
    def warnings(self):
        return [p.message for p in self.problems if p.level == WARNING]

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
        _check_body(report, obj, body_field, body)
    # A new item's authors are not saved yet; they are checked once it is saved.
    authors = rules.authors
    if authors and obj.pk is not None and not _saved_rows(obj, authors).exists():
        report.add(WARNING, None, "No author is given: add at least one in “Authors”.")
    pdf_field = rules.pdf
    if pdf_field and body_field and not _has_text(body) and not value(pdf_field):
        report.add(
            WARNING,
            body_field,
            f"The {_label(obj, body_field)} is empty and there is no PDF: readers will only "
            f"see the {_label(obj, rules.summary)}.",
        )
    return report


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


def _check_body(report, obj, name, html):
    label = _label(obj, name)
    parser = _BodyParser()
    parser.feed(html)
    parser.close()
    for href, text in parser.links:
        problem = link_problem(href)
        if problem:
            words = Truncator(" ".join(text.split()) or "no text").chars(60)
            report.add(ERROR, name, f"A link in the {label} (“{words}”) {problem}")
    for src, alt in parser.images:
        if alt is None or not alt.strip():
            where = f" ({Truncator(src).chars(80)})" if src else ""
            report.add(
                WARNING,
                name,
                f"An image in the {label}{where} has no alt text: describe what it shows, "
                "unless it is only decorative.",
            )


def link_problem(href):
    """Why ``href`` is not a well-formed link, as the end of a sentence; None if it is fine.

    Accepted: full http(s) addresses, mailto: addresses, addresses on this site starting with
    a single "/", and "#" links within the page.
    """
    if href is None:
        return "has no address (a malformed one is removed on saving): give it a full address."
    href = href.strip()
    hint = "Use a full address starting with https://, http:// or mailto:."
    if not href:
        return f"has an empty address. {hint}"
    if href.startswith("#") or (href.startswith("/") and not href.startswith("//")):
        return None
    scheme, colon, rest = href.partition(":")
    scheme = scheme.lower()
    if colon and scheme in ("http", "https"):
        try:
            _http_url(href)
        except ValidationError:
            return f"has an address that is not valid: “{Truncator(href).chars(80)}”. {hint}"
        return None
    if colon and scheme == "mailto":
        addresses = [a.strip() for a in rest.split("?", 1)[0].split(",") if a.strip()]
        try:
            if not addresses:
                raise ValidationError("empty")
            for address in addresses:
                validate_email(address)
        except ValidationError:
            return f"has an e-mail address that is not valid: “{Truncator(href).chars(80)}”."
        return None
    return f"has an address that is not valid: “{Truncator(href).chars(80)}”. {hint}"


def _has_text(html):
    parser = _BodyParser()
    parser.feed(html or "")
    parser.close()
    return bool("".join(parser.text).strip()) or bool(parser.images)


class _BodyParser(HTMLParser):
    """Collects the links (address and words) and images (source and alt) of a text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # [href or None, words]
        self.images = []  # (src, alt or None)
        self.text = []
        self._open_links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a":
            link = [attributes.get("href"), ""]
            self.links.append(link)
            self._open_links.append(link)
        elif tag == "img":
            self.images.append((attributes.get("src") or "", attributes.get("alt")))

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            self._open_links.pop()

    def handle_data(self, data):
        self.text.append(data)
        for link in self._open_links:
            link[1] += data


class PrepublishCheckMixin:
    """Admin mixin: run the pre-publish check when an item is saved in a public state.

    Errors are shown on the edit page and nothing is saved; warnings are shown as messages
    once the item is saved. Drafts and items awaiting review are never checked. Put it before
    the admin's base class, e.g. ``class ItemAdmin(PrepublishCheckMixin, ...)``.
    """

    prepublish_intro = (
        "This item cannot be published yet. Fix the problems below, or save it as a draft."
    )

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
        rules = registry.check_rules(obj)
        categories = None
        category_field = rules.categories
        if category_field and category_field in form.fields:
            categories = form.cleaned_data.get(category_field)
        overrides = {}
        body_field = rules.body
        if body_field and body_field in form.cleaned_data:
            # The text as typed: the clean-up on saving quietly drops malformed links.
            overrides[body_field] = form.cleaned_data[body_field]
        report = prepublish_report(obj, categories=categories, overrides=overrides)
        if report.errors:
            form.add_error(None, self.prepublish_intro)
        for problem in report.problems:
            if problem.level != ERROR:
                continue
            if problem.field in form.fields:
                form.add_error(problem.field, problem.message)
            else:
                form.add_error(None, problem.message)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if is_public_state(obj):
            report = prepublish_report(obj)
            problems = report.warnings + (report.errors if change else [])
            for problem in dict.fromkeys(problems):
                self.message_user(request, capfirst(problem), messages.WARNING)

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
