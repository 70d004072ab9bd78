"""What each content app tells the editorial base about itself.

The editorial base (roles, revisions and restore, share links and previews, bulk actions and
their CSV export, the pre-publish check) knows no content app: each app registers its models
here from its own ``AppConfig.ready()``, the way it registers its menu sections. A model that
registers nothing gets none of it: no history, no share links, no role.

- ``register_versioned``: the model keeps a history of its versions (with the rows that are
  part of it), and what a restore must leave alone or put right.
- ``register_recovered_with``: rows of another model that point to an item and go with it when
  it is deleted, to come back when it is recovered (its place on the home page, links to it).
- ``register_publishable``: contributors write drafts of it that editors publish; how its page
  is shown for a preview or a share link, and which state makes it public.
- ``register_checks``: what the pre-publish check looks at.
- ``register_csv``: the columns of its CSV export.
- ``register_roles``: what each role may do with the app's models.
- ``register_link_targets``, ``register_link_fallback``: which addresses of this site answer
  for the public (the pre-publish check and the list of broken links ask, for links in bodies).
"""

from collections.abc import Callable
from dataclasses import dataclass

#: Who wrote an item and who it is shared with: never content, so never changed by a restore.
OWNERSHIP_FIELDS = ("created_by", "co_editors")


@dataclass(frozen=True)
class Versioned:
    """How a model keeps its history."""

    #: The relations whose rows are saved and restored with the item (authors, tag links...).
    follow: tuple = ()
    #: Fields never stored in a version.
    exclude: tuple = ()
    #: Fields an old version never changes when it is restored (they keep their value now).
    kept_on_restore: tuple = ()
    #: ``hook(item, using)``, run when an old version of the item has been written back.
    after_restore: Callable | None = None


@dataclass(frozen=True)
class ReviewPage:
    """How the page of an item is shown to a reviewer before it is public."""

    #: ``item_for_review(pk)``: the item with everything its page shows, or None.
    item_for_review: Callable
    #: ``render_detail(request, item, *, preview, extra_context=None)``: its page.
    render_detail: Callable
    #: ``render_pdf(request, item)``: its printable PDF marked as a draft, if it has one.
    render_pdf: Callable | None = None


@dataclass(frozen=True)
class Transition:
    """A publishing button of an item's page beyond the usual ones, e.g. an event's “Mark as
    cancelled”: the status it gives and the line saying what will happen."""

    action: str
    label: str
    status: str
    says: str
    #: The statuses it is offered from (all but its own when empty).
    offered_from: tuple = ()


@dataclass(frozen=True)
class Workflow:
    """The statuses behind an item's publishing buttons (“Save draft”, “Submit for review”,
    “Publish now”, “Schedule…”, “Withdraw”, “Publish correction”)."""

    draft: str = "draft"
    review: str = "review"
    published: str = "published"
    #: None when items of the model cannot be scheduled.
    scheduled: str | None = None
    #: The status “Withdraw” gives (taken off the public site).
    withdrawn: str = "withdrawn"
    extra: tuple = ()
    #: ``announce(item)``: a line about what publishing gives the item (e.g. its code).
    announce: Callable | None = None
    #: Fields only editors see and set (e.g. a code typed for an item published before).
    editor_fields: tuple = ()


@dataclass(frozen=True)
class CheckRules:
    """What the pre-publish check looks at in an item: field names, None when it has none."""

    summary: str | None = None
    body: str | None = None
    #: The many-to-many field of which at least one must be chosen.
    categories: str | None = None
    #: The reverse relation of its ordered author rows.
    authors: str | None = None
    #: The file field of its PDF: an item with neither text nor PDF is warned about.
    pdf: str | None = None
    #: ``check(report, item)`` for rules of its own, run after the image is checked.
    extra: tuple = ()


@dataclass(frozen=True)
class RoleRules:
    """What the roles may do with the models of one app."""

    #: Models a contributor writes drafts of, or uploads for them (add, change, view).
    written: tuple = ()
    #: Rows edited inside a draft's page, such as its authors (add, change, delete, view).
    edited_inside: tuple = ()
    #: Models a contributor only chooses from (view).
    chosen: tuple = ()
    #: Whether editors hold every permission of the app.
    edited_by_editors: bool = True


@dataclass(frozen=True)
class CsvExport:
    #: ``(heading, value(item, request))`` per column.
    columns: tuple
    select_related: tuple = ()
    prefetch_related: tuple = ()


#: ``model label ("app_label.Model") -> Versioned``, in the order registered.
VERSIONED = {}
#: ``model label -> [(model of the rows, the field pointing to the item)]``.
RECOVERED_WITH = {}
#: ``lower-case model label -> the permission that makes an item of it public``.
PUBLISHABLE = {}
#: ``lower-case model label -> ReviewPage``: the models that may be shared and previewed.
PAGES = {}
#: ``lower-case model label -> (field, the values that make the item public)``.
PUBLIC_STATES = {}
#: ``lower-case model label -> Workflow``: the statuses behind its publishing buttons.
WORKFLOWS = {}
#: ``lower-case model label -> CheckRules``.
CHECKS = {}
#: ``lower-case model label -> CsvExport``.
CSV_EXPORTS = {}
#: ``app label -> RoleRules``.
ROLE_RULES = {}
#: ``view name ("namespace:name") -> public(list of the addresses' keyword arguments)``, which
#: answers, in the same order, whether each address shows something to the public.
LINK_TARGETS = {}
#: ``[answers(paths)]``, each giving those of ``paths`` it answers for the public even though
#: their own view does not (content pages at free addresses, old addresses kept as redirects).
LINK_FALLBACKS = []

_listeners = []


def on_versioned(listener):
    """Call ``listener(model, options)`` for each model registered as versioned, past and
    future (the history machinery registers them with django-reversion)."""
    _listeners.append(listener)
    for label, options in VERSIONED.items():
        listener(_model(label), options)


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def register_versioned(model, *, follow=(), exclude=(), kept_on_restore=(), after_restore=None):
    """Keep a history of ``model``'s versions; see ``Versioned``."""
    options = Versioned(
        follow=tuple(follow),
        exclude=tuple(exclude),
        kept_on_restore=tuple(kept_on_restore),
        after_restore=after_restore,
    )
    VERSIONED[model._meta.label] = options
    for listener in _listeners:
        listener(model, options)


def register_recovered_with(model, *, rows, field_name):
    """Rows of ``rows`` whose ``field_name`` points to an item of ``model`` go with the item
    when it is deleted and come back when it is recovered (both models being versioned)."""
    RECOVERED_WITH.setdefault(model._meta.label, []).append((rows, field_name))


def register_publishable(model, *, permission, public_state, review_page, workflow=None):
    """``model`` is written by contributors and made public by holders of ``permission``.

    ``public_state``: ``(field, values)``, the values of the field that make an item public
    (published or scheduled). ``review_page``: a ``ReviewPage`` for previews and share links.
    ``workflow``: the statuses behind its publishing buttons (``Workflow()`` by default).
    """
    label = model._meta.label_lower
    PUBLISHABLE[label] = permission
    PUBLIC_STATES[label] = (public_state[0], tuple(public_state[1]))
    PAGES[label] = review_page
    WORKFLOWS[label] = workflow or Workflow()


def register_checks(model, rules):
    """The pre-publish check of ``model`` looks at what ``rules`` (``CheckRules``) names."""
    CHECKS[model._meta.label_lower] = rules


def register_csv(model, *, columns, select_related=(), prefetch_related=()):
    """The columns of ``model``'s CSV export, and what to load with the items so that the
    export makes a fixed number of queries."""
    CSV_EXPORTS[model._meta.label_lower] = CsvExport(
        tuple(columns), tuple(select_related), tuple(prefetch_related)
    )


def register_roles(app_label, *, written=(), edited_inside=(), chosen=(), edited_by_editors=True):
    """What the roles may do with the models of the app ``app_label``; see ``RoleRules``."""
    ROLE_RULES[app_label] = RoleRules(
        written=tuple(model._meta.label_lower for model in written),
        edited_inside=tuple(model._meta.label_lower for model in edited_inside),
        chosen=tuple(model._meta.label_lower for model in chosen),
        edited_by_editors=edited_by_editors,
    )


def register_link_targets(view_names, public):
    """Addresses of the views ``view_names`` (e.g. ``"shop:item"``) lead to items that may be
    gone or not public: ``public([kwargs, ...])`` gives, for the keyword arguments of many such
    addresses at once (in a fixed number of queries), an iterable of booleans in the same order:
    whether each one shows something to the public. Addresses of views nobody registers are
    taken to answer whenever they resolve."""
    for name in view_names:
        LINK_TARGETS[name] = public


def register_link_fallback(answers):
    """``answers(paths)`` gives the paths (of those given) that still answer for the public
    when their own view finds nothing, in a fixed number of queries."""
    if answers not in LINK_FALLBACKS:
        LINK_FALLBACKS.append(answers)


def versioned(model):
    """The ``Versioned`` options of ``model`` (empty ones if it is not registered)."""
    return VERSIONED.get(model._meta.label, _NOT_VERSIONED)


_NOT_VERSIONED = Versioned()


def check_rules(obj):
    return CHECKS.get(obj._meta.label_lower, _NO_CHECKS)


_NO_CHECKS = CheckRules()


def recovered_with(model):
    """``[(model of the rows, field)]`` of the rows that go and come back with ``model``'s
    items."""
    return RECOVERED_WITH.get(model._meta.label, [])
