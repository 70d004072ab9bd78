"""Which paths an old address kept still sends readers on from (a move to a public place), for
the editorial base's checks of links in bodies; the back office registers it there
(``editorial.registry.register_link_fallback``), as this package cannot import the base."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from . import services, tracking
from .models import Redirect


def moved(paths):
    """Those of ``paths`` kept as old addresses that lead on to a public page: one query, and
    one more per kind of item they lead to."""
    options = {path: services.with_and_without_slash(path) for path in paths}
    wanted = [old for olds in options.values() for old in olds]
    kept = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(old_path__in=wanted, status=Redirect.Status.MOVED)
    }
    by_type = defaultdict(set)
    for redirect in kept.values():
        if redirect.content_type_id is not None:
            by_type[redirect.content_type_id].add(redirect.object_id)
    public = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for item in model._base_manager.filter(pk__in=ids):
            if tracking.is_public(item):
                public.add((type_id, item.pk))
    answering = []
    for path, olds in options.items():
        for old in olds:
            redirect = kept.get(old)
            if redirect is None:
                continue
            if redirect.content_type_id is None or (
                (redirect.content_type_id, redirect.object_id) in public
            ):
                answering.append(path)
                break
    return answering
