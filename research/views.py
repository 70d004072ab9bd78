from django.shortcuts import render

from navigation.views import page

from .queries import centre_page


def centre(request, slug):
    """A centre or programme; other addresses under /research/ are content pages of the menu."""
    centre = centre_page(slug)
    if centre is None:
        return page(request, path=f"research/{slug}")
    head = centre.head if centre.head and centre.head.active else None
    people_pks = [person.pk for person in [head, *centre.public_members] if person]
    context = {
        "centre": centre,
        "head": head,
        "members": centre.public_members,
        "people_pks": people_pks,
    }
    return render(request, "research/centre.html", context)
