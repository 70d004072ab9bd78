"""Keep the search index current: every change to an indexed item, or to what its document
shows (authors, speakers, categories, tags, areas of expertise, a person's name), re-indexes
the items concerned. Connected in ``SearchConfig.ready()``; the work is in ``search.indexing``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from .indexing import Kind, index_items, remove_items
from .models import SearchEntry

M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def _saved(kind):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            index_items(kind, [instance.pk])

    return handler


def _deleted(kind):
    def handler(sender, instance, **kwargs):
        remove_items(kind, [instance.pk])

    return handler


def _part_changed(kind, owner_field):
    """A handler for a row that belongs to an item (an authorship, a speaker): re-index it."""

    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            index_items(kind, [getattr(instance, owner_field)])

    return handler


def _links_changed(kind, forward_model, *, both_sides=False):
    """A handler for many-to-many changes of ``forward_model`` items (seen from either side
    of the relation if ``both_sides``: then ``pk_set`` holds the items)."""

    def handler(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action not in M2M_ACTIONS:
            return
        if isinstance(instance, forward_model):
            index_items(kind, [instance.pk])
        elif both_sides and model is forward_model and pk_set:
            index_items(kind, pk_set)

    return handler


def _publications_of_category(sender, instance, raw=False, **kwargs):
    if not raw:
        index_items(Kind.PUBLICATION, instance.publications.values_list("pk", flat=True))


def _publications_of_tag(sender, instance, raw=False, **kwargs):
    from publications.models import Publication

    if raw:
        return
    pks = Publication.objects.filter(tagged_items__tag=instance.pk).values_list("pk", flat=True)
    index_items(Kind.PUBLICATION, pks)


def _tagged_item_changed(sender, instance, raw=False, **kwargs):
    from django.contrib.contenttypes.models import ContentType

    from publications.models import Publication

    if raw or instance.content_type_id != ContentType.objects.get_for_model(Publication).pk:
        return
    index_items(Kind.PUBLICATION, [instance.object_id])


def _person_saved(sender, instance, raw=False, **kwargs):
    """Index the person; after a change of name or honorific, also their publications and
    events (whose documents print it)."""
    if raw:
        return
    before = (
        SearchEntry.objects.filter(kind=Kind.PERSON, object_id=instance.pk)
        .values_list("title", "names")
        .first()
    )
    index_items(Kind.PERSON, [instance.pk])
    if before is not None and before != (instance.name, instance.honorific):
        index_items(Kind.PUBLICATION, instance.authorships.values_list("publication_id", flat=True))
        index_items(Kind.EVENT, instance.event_appearances.values_list("event_id", flat=True))


def _keep_publications_of_category(sender, instance, **kwargs):
    # Its links disappear with it, without a signal: note whose documents name it.
    instance._search_publications = list(instance.publications.values_list("pk", flat=True))


def _category_deleted(sender, instance, **kwargs):
    index_items(Kind.PUBLICATION, getattr(instance, "_search_publications", []))


def _people_of_area(sender, instance, raw=False, **kwargs):
    if not raw:
        index_items(Kind.PERSON, instance.assignments.values_list("content_object_id", flat=True))


def _keep_events_of_centre(sender, instance, **kwargs):
    instance._search_events = list(instance.events.values_list("pk", flat=True))


def _events_of_centre(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pks = getattr(instance, "_search_events", None)
    index_items(Kind.EVENT, instance.events.values_list("pk", flat=True) if pks is None else pks)


def connect():
    from taggit.models import Tag, TaggedItem

    from events.models import Event, EventSpeaker
    from navigation.models import MenuItem
    from publications.models import Authorship, Category, Publication
    from research.models import Centre
    from staff.models import ExpertiseArea, Person, PersonExpertise

    def on(signal, handler, sender, name):
        signal.connect(handler, sender=sender, weak=False, dispatch_uid=f"search:{name}")

    for model, kind in (
        (Publication, Kind.PUBLICATION),
        (Event, Kind.EVENT),
        (MenuItem, Kind.PAGE),
    ):
        on(post_save, _saved(kind), model, f"{kind}:save")
        on(post_delete, _deleted(kind), model, f"{kind}:delete")
    on(post_save, _person_saved, Person, "person:save")
    on(post_delete, _deleted(Kind.PERSON), Person, "person:delete")

    on(post_save, _part_changed(Kind.PUBLICATION, "publication_id"), Authorship, "author:save")
    on(post_delete, _part_changed(Kind.PUBLICATION, "publication_id"), Authorship, "author:del")
    on(post_save, _part_changed(Kind.EVENT, "event_id"), EventSpeaker, "speaker:save")
    on(post_delete, _part_changed(Kind.EVENT, "event_id"), EventSpeaker, "speaker:delete")

    categories = Publication.categories.through
    on(
        m2m_changed,
        _links_changed(Kind.PUBLICATION, Publication, both_sides=True),
        categories,
        "categories",
    )
    on(post_save, _publications_of_category, Category, "category:save")
    on(pre_delete, _keep_publications_of_category, Category, "category:pre-delete")
    on(post_delete, _category_deleted, Category, "category:delete")
    on(post_save, _people_of_area, ExpertiseArea, "area:save")
    on(post_save, _events_of_centre, Centre, "centre:save")
    on(pre_delete, _keep_events_of_centre, Centre, "centre:pre-delete")
    on(post_delete, _events_of_centre, Centre, "centre:delete")
    on(post_save, _publications_of_tag, Tag, "tag:save")
    on(post_save, _tagged_item_changed, TaggedItem, "tagged:save")
    on(post_delete, _tagged_item_changed, TaggedItem, "tagged:delete")
    on(m2m_changed, _links_changed(Kind.PUBLICATION, Publication), TaggedItem, "tags")
    on(m2m_changed, _links_changed(Kind.PERSON, Person), PersonExpertise, "expertise")
    on(post_save, _part_changed(Kind.PERSON, "content_object_id"), PersonExpertise, "exp:save")
    on(post_delete, _part_changed(Kind.PERSON, "content_object_id"), PersonExpertise, "exp:del")
