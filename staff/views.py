from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from core.content_cache import memo_html
from core.pagination import paginate

from . import queries
from .models import StaffGroup

PEOPLE_PER_PAGE = 24


def directory(request):
    """All staff groups in order, each with its first people and a link to the whole group."""
    groups_html = memo_html(
        "fragment:staff-directory",
        lambda: render_to_string(
            "staff/includes/directory_groups.html", {"groups": queries.directory_groups()}
        ),
    )
    return render(request, "staff/directory.html", {"groups_html": groups_html})


def group(request, slug):
    group = get_object_or_404(StaffGroup, slug=slug)
    page = paginate(request, queries.group_memberships(group), PEOPLE_PER_PAGE)
    return render(request, "staff/group.html", {"group": group, "page_obj": page})


def person(request, slug):
    person = queries.profile(slug)
    if person is None:
        raise Http404("No such person in the staff directory.")
    # Everything below the header depends on content only: rendered once per generation.
    body_html = memo_html(
        f"staff:profile-page:{slug}",
        lambda: render_to_string("staff/includes/profile.html", {"person": person}, request),
    )
    return render(request, "staff/person.html", {"person": person, "body_html": body_html})
