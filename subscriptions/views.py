"""The subscriber's pages: subscribe, confirm, manage, leave. None needs an account; none is
kept by a cache (each carries a form or a personal link)."""

import calendar

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from taggit.models import Tag

from editorial.security import client_address
from staff.models import Person

from . import services
from .forms import ChoicesForm, SubscribeForm, initial_from_query

#: The answer to a link that does not work, by reason.
LINK_STATUS = {"invalid": 404, "gone": 404, "expired": 410, "used": 410}


def _offered(data):
    """The authors and tags a posted form may name (those it names that exist)."""

    def pks(name):
        return [value for value in data.getlist(name)[:50] if value.isascii() and value.isdigit()]

    return (
        list(Person.objects.filter(pk__in=pks("authors"))),
        list(Tag.objects.filter(pk__in=pks("tags"))),
    )


def _source(value):
    """The site's own page the form was sent from, else the subscribe page."""
    value = (value or "")[:300]
    return value if value.startswith("/") and not value.startswith("//") else "/subscribe/"


@never_cache
def subscribe(request):
    if request.method == "POST":
        authors, tags = _offered(request.POST)
        form = SubscribeForm(request.POST, offered_authors=authors, offered_tags=tags)
        if form.is_valid():
            services.ask(
                email=form.cleaned_data["email"],
                choices=form.cleaned_data,
                source=_source(request.POST.get("source")),
                client=client_address(request) or "unknown",
            )
            # The same answer whether the address is known, new, or asked too often.
            return render(
                request, "subscriptions/asked.html", {"email": form.cleaned_data["email"]}
            )
        status = 400
    elif request.method in ("GET", "HEAD"):
        initial, authors, tags = initial_from_query(request.GET)
        form = SubscribeForm(initial=initial, offered_authors=authors, offered_tags=tags)
        status = 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    source = _source(request.GET.get("from") or request.POST.get("source"))
    context = {"form": form, "source": source, "digest_day": _digest_day()}
    return render(request, "subscriptions/subscribe.html", context, status=status)


@never_cache
def confirm(request, token):
    """A page with a button (mail scanners follow links; only a person presses it)."""
    try:
        if request.method == "POST":
            subscriber = services.confirm(token)
            context = {
                "subscriber": subscriber,
                "subscriber_choices": services.describe(subscriber),
                "manage_url": services.manage_url(subscriber),
            }
            return render(request, "subscriptions/confirmed.html", context)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        asked = services.read_confirmation(token)
    except services.LinkProblem as problem:
        return _link_problem(request, problem)
    context = {"email": asked["email"], "choices": services.describe_request(asked)}
    return render(request, "subscriptions/confirm.html", context)


@never_cache
def manage(request, token):
    try:
        subscriber = services.subscriber_for(token, services.MANAGE_SALT)
    except services.LinkProblem as problem:
        return _link_problem(request, problem)
    saved = False
    if request.method == "POST":
        authors, tags = _offered(request.POST)
        form = ChoicesForm(request.POST, offered_authors=authors, offered_tags=tags)
        if form.is_valid():
            services.change(subscriber, form.cleaned_data, source="manage link")
            saved = True
    elif request.method in ("GET", "HEAD"):
        form = _current(subscriber)
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    if saved:
        form = _current(subscriber)
    context = {
        "form": form,
        "subscriber": subscriber,
        "saved": saved,
        "leave_url": services.leave_url(subscriber),
        "digest_day": _digest_day(),
    }
    status = 400 if form.is_bound and not saved else 200
    return render(request, "subscriptions/manage.html", context, status=status)


def _digest_day():
    return f"{calendar.day_name[settings.SUBSCRIPTIONS_DIGEST_WEEKDAY]}s"


def _current(subscriber):
    authors, tags = list(subscriber.authors.all()), list(subscriber.tags.all())
    initial = {
        "everything": subscriber.everything,
        "events": subscriber.events,
        "frequency": subscriber.frequency,
        "series": list(subscriber.series.all()),
        "categories": list(subscriber.categories.values_list("pk", flat=True)),
        "authors": authors,
        "tags": tags,
    }
    return ChoicesForm(initial=initial, offered_authors=authors, offered_tags=tags)


@csrf_exempt  # RFC 8058: mail providers post "List-Unsubscribe=One-Click" without our form
@never_cache
def leave(request, token):
    try:
        subscriber = services.subscriber_for(token, services.LEAVE_SALT)
    except services.LinkProblem as problem:
        return _link_problem(request, problem)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.leave(subscriber, source="one click" if one_click else "unsubscribe page")
        context = {"manage_url": services.manage_url(subscriber)}
        return render(request, "subscriptions/left.html", context)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(request, "subscriptions/leave.html", {"subscriber": subscriber})


def _link_problem(request, problem):
    status = LINK_STATUS.get(problem.reason, 404)
    context = {"reason": problem.reason}
    return render(request, "subscriptions/link_problem.html", context, status=status)
