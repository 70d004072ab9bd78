"""Compare two versions of an item, field by field, from its History page.

The page lists what changed between the two versions: text with the words taken out struck
through and the words put in underlined (rich text compared as the words readers see, never as
HTML tags), times as they are shown (in Singapore time, to the minute), lists (categories,
people) as added and removed names, and the rows kept with the item (authors, speakers, tags)
before and after. Each version has a "Restore this version" link to the admin's restore page,
which shows it before anything is saved.
"""

import difflib
import re

from django.apps import apps
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion import is_registered

from core.richtext import RichTextField

from . import registry
from .plain_text import plain_text
from .reversion_compat import stored_object, version_model
from .times import TIME_FORMAT
from .versioning import TREE_FIELDS, versions_of

#: Beyond this many words on either side, texts are compared line by line (quicker).
WORD_DIFF_LIMIT = 20000
_WORDS = re.compile(r"\S+\s*|\s+")


def compare_urls(admin_site):
    """The compare page's address, inside the admin (added by the Activity admin's URLs)."""
    return [
        path(
            "compare/<str:app_label>/<str:model_name>/<path:object_id>/",
            admin_site.admin_view(CompareView(admin_site)),
            name="editorial_compare",
        )
    ]


class CompareView:
    """``GET .../compare/<app>/<model>/<id>/?old=<revision>&new=<revision>``.

    The two numbers are revisions (as listed on the History page) that both hold a version of
    this item; anything else is "not found". Staff need view or change permission on the model
    and on the item (a contributor never sees the history of another person's draft).
    """

    def __init__(self, admin_site):
        self.admin_site = admin_site

    def __call__(self, request, app_label, model_name, object_id):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404("No such kind of item.") from None
        model_admin = self.admin_site._registry.get(model)
        if model_admin is None or not is_registered(model):
            raise Http404("This kind of item keeps no history.")
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        old, new = self._versions(model, object_id, request.GET)
        opts = model._meta
        obj = None
        if _valid_pk(model, object_id):
            obj = model._default_manager.filter(pk=object_id).first()
        # A deleted item is judged as its newest version shows it (someone else's deleted
        # draft stays theirs).
        judged = obj if obj is not None else stored_object(new)
        if not model_admin.has_view_or_change_permission(request, judged):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare versions of “{new.object_repr}”",
            "subtitle": None,
            "opts": opts,
            "app_label": opts.app_label,
            "object": obj,
            "object_id": object_id,
            "old": _version_card(old, model_admin, request, obj, object_id),
            "new": _version_card(new, model_admin, request, obj, object_id),
            "fields": field_changes(model, old, new),
            "related": related_changes(model, object_id, old, new),
            "history_url": _history_url(opts, obj, object_id),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def _versions(self, model, object_id, query):
        ids = []
        for key in ("old", "new"):
            value = query.get(key, "")
            if not value.isdigit():
                raise Http404("Choose two versions to compare.")
            ids.append(int(value))
        found = {
            version.revision_id: version
            for version in versions_of(model, object_id)
            .filter(revision_id__in=ids)
            .select_related("revision__user")
        }
        if any(revision_id not in found for revision_id in ids):
            raise Http404("These are not versions of this item.")
        pair = sorted({found[i] for i in ids}, key=lambda v: (v.revision.date_created, v.pk))
        return pair[0], pair[-1]


def _valid_pk(model, object_id):
    try:
        model._meta.pk.to_python(object_id)
    except ValidationError:
        return False
    return True


def _history_url(opts, obj, object_id):
    if obj is None:
        name = "recoverlist"
        args = []
    else:
        name = "history"
        args = [quote(object_id)]
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    except NoReverseMatch:
        return None


def _version_card(version, model_admin, request, obj, object_id):
    """Who saved the version, when, and the link that restores it (if the user may)."""
    opts = model_admin.model._meta
    restore_url = None
    if obj is not None and model_admin.has_change_permission(request, obj):
        name, args = "revision", [quote(object_id), version.pk]
    elif obj is None and model_admin.has_add_permission(request):
        name, args = "recover", [version.pk]
    else:
        name = None
    if name:
        try:
            restore_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
        except NoReverseMatch:
            restore_url = None
    revision = version.revision
    return {
        "version": version,
        "when": date_format(timezone.localtime(revision.date_created), TIME_FORMAT),
        "who": _user_label(revision.user),
        "comment": revision.get_comment(),
        "restore_url": restore_url,
    }


def _user_label(user):
    if user is None:
        return "—"
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


# Fields ---------------------------------------------------------------------------------------


def compared_fields(model):
    """The fields an editor fills in, in form order (no tree positions, no timestamps)."""
    excluded = set(registry.versioned(model).exclude) | set(TREE_FIELDS)
    return [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in excluded
    ]


def field_changes(model, old, new):
    """One row per field that differs: label, and the difference to show."""
    before, after = old.field_dict, new.field_dict
    rows = []
    for field in compared_fields(model):
        key = field.attname
        if key not in before and key not in after:
            continue  # not stored in versions (e.g. the tags, kept as rows)
        a, b = before.get(key), after.get(key)
        if isinstance(field, models.ManyToManyField):
            a, b = list(a or []), list(b or [])
            if set(a) == set(b):
                continue
            rows.append(_m2m_row(field, a, b))
        elif a != b and not _shown_alike(field, a, b):
            rows.append(_value_row(field, a, b))
    return rows


def _m2m_row(field, before, after):
    related = field.related_model
    names = {obj.pk: str(obj) for obj in related._base_manager.filter(pk__in=[*before, *after])}

    def label(pk):
        return names.get(pk, f"(deleted, no. {pk})")

    return {
        "label": field.verbose_name,
        "kind": "list",
        "removed": sorted(label(pk) for pk in before if pk not in after),
        "added": sorted(label(pk) for pk in after if pk not in before),
    }


def _shown_alike(field, a, b):
    """Whether two values of a time or date field read the same (a time saved with its seconds
    and the same time saved from a form, in another time zone...)."""
    if isinstance(field, (models.DateTimeField, models.DateField, models.TimeField)):
        return _show(field, a) == _show(field, b)
    return False


def _value_row(field, a, b):
    label = field.verbose_name
    if isinstance(field, RichTextField):
        old, new = plain_text(a), plain_text(b)
        row = {"label": label, "kind": "text", "segments": text_diff(old, new)}
        if old == new:
            row["note"] = "Only the formatting changed (bold, italics, headings or lists)."
        return row
    if _is_text(field):
        return {"label": label, "kind": "text", "segments": text_diff(a or "", b or "")}
    return {"label": label, "kind": "value", "old": _show(field, a), "new": _show(field, b)}


def _is_text(field):
    return isinstance(field, (models.CharField, models.TextField, models.FileField)) and not (
        field.choices
    )


def _show(field, value):
    """A value as an editor reads it: names instead of numbers, Yes/No, local times."""
    if value is None or value == "":
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.many_to_one or field.one_to_one:
        target = field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target is not None else f"(deleted, no. {value})"
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, models.DateTimeField):
        return date_format(timezone.localtime(value), TIME_FORMAT)
    if isinstance(field, models.DateField):
        return date_format(value, "j M Y")
    if isinstance(field, models.TimeField):
        return date_format(value, "H:i")
    return str(value)


def text_diff(old, new):
    """The change from ``old`` to ``new`` as ``[(kind, text), ...]``, kind being "same",
    "del" or "ins". The texts are plain: the template escapes them."""
    old, new = str(old), str(new)
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    if max(len(a), len(b)) > WORD_DIFF_LIMIT:
        a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    segments = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("ins", "".join(b[j1:j2])))
    return segments


# Rows kept with the item (authors, speakers, tags, memberships) ---------------------------------


def related_changes(model, object_id, old, new):
    """For each kind of row kept with the item: its rows before and after, marked."""
    sections = []
    for name in registry.versioned(model).follow:
        field = model._meta.get_field(name)
        before = _followed_rows(model, object_id, field, old)
        after = _followed_rows(model, object_id, field, new)
        old_labels, new_labels = before, after
        if old_labels == new_labels:
            continue
        sections.append(
            {
                "label": field.related_model._meta.verbose_name_plural,
                "before": [(label, label not in new_labels) for label in old_labels],
                "after": [(label, label not in old_labels) for label in new_labels],
            }
        )
    return sections


def _followed_rows(model, object_id, field, owner_version):
    """Labels of the rows of ``field`` stored with ``owner_version`` (same revision), in order."""
    related = field.related_model
    content_type = ContentType.objects.get_for_model(related)
    if isinstance(field, GenericRelation):
        owner_type = ContentType.objects.get_for_model(model).pk

        def belongs(data):
            return data.get(field.content_type_field_name + "_id") == owner_type and str(
                data.get(field.object_id_field_name)
            ) == str(object_id)
    else:
        attname = field.field.attname

        def belongs(data):
            return str(data.get(attname)) == str(object_id)

    rows = []
    for version in owner_version.revision.version_set.filter(content_type=content_type):
        data = version.field_dict
        if belongs(data):
            rows.append((data.get("order") or 0, version.pk, _row_label(version, data)))
    rows.sort()
    return [label for _order, _pk, label in rows]


def _row_label(version, data):
    tag_id = data.get("tag_id")
    if tag_id is not None:
        tag_field = version_model(version)._meta.get_field("tag")
        tag = tag_field.related_model._base_manager.filter(pk=tag_id).first()
        if tag is not None:
            return str(tag)
    return version.object_repr
