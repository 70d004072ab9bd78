"""The emails subscribers get: the confirmation, an alert per item, the weekly digest.

Each has a plain-text and an HTML part made from templates (``subscriptions/email/``), the
site's name and colours, and the headers mail providers expect from a list: ``List-Id``,
``List-Unsubscribe`` with ``List-Unsubscribe-Post`` (one click, RFC 8058), a ``Message-ID``
of the site's domain and a ``Date``.
"""

from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from core.site import get_site_context
from events.models import Event

from . import services


def _domain():
    return urlsplit(settings.SITE_URL or "").hostname or "localhost"


def _absolute(path):
    return f"{(settings.SITE_URL or '').rstrip('/')}{path}"


def card(item):
    """What an email says of ``item``: kind, code, title, people, date, summary, address."""
    if isinstance(item, Event):
        start = timezone.localtime(item.start)
        return {
            "kind": "Event",
            "code": "",
            "title": item.title,
            "people": "",
            "date": f"{start:%-d %B %Y, %H:%M} (Singapore time)",
            "summary": item.summary,
            "url": _absolute(item.get_absolute_url()),
        }
    return {
        "kind": item.series.item_name or item.series.name,
        "code": item.code or "",
        "title": item.title,
        "people": ", ".join(credit.display_name for credit in item.authorships.all()),
        "date": f"{item.publication_date or timezone.localdate(item.published_at):%-d %B %Y}",
        "summary": item.synopsis,
        "url": _absolute(item.get_absolute_url()),
    }


def _message(*, to, subject, template, context, list_name, subscriber=None):
    site = get_site_context()
    context = {"site": site, "site_url": (settings.SITE_URL or "").rstrip("/"), **context}
    if subscriber is not None:
        context |= {
            "manage_url": services.manage_url(subscriber),
            "leave_url": services.leave_url(subscriber),
        }
    text = render_to_string(f"subscriptions/email/{template}.txt", context)
    html = render_to_string(f"subscriptions/email/{template}.html", context)
    domain = _domain()
    headers = {
        "Message-ID": make_msgid(domain=domain),
        "Date": formatdate(localtime=False),
        "List-Id": f"{site['short_name']} {list_name} <{list_name.lower()}.{domain}>",
    }
    if subscriber is not None:
        headers["List-Unsubscribe"] = f"<{context['leave_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation(email, token):
    return _message(
        to=email,
        subject=f"Confirm your subscription to {get_site_context()['short_name']}",
        template="confirm",
        context={
            "confirm_url": services.confirm_url(token),
            "choices": services.describe_request(services.read_confirmation(token)),
            "days": services.CONFIRM_SECONDS // 86400,
        },
        list_name="Subscriptions",
    )


def alert(subscriber, shown):
    """The alert of an item (its ``card``) to ``subscriber``."""
    prefix = f"{shown['code']} " if shown["code"] else ""
    return _message(
        to=subscriber.email,
        subject=f"{prefix}{shown['title']}",
        template="alert",
        context={"item": shown, "follows": services.describe(subscriber)},
        list_name="Alerts",
        subscriber=subscriber,
    )


def digest(subscriber, items, until):
    cards = [card(item) for item in items]
    return _message(
        to=subscriber.email,
        subject=(
            f"{get_site_context()['short_name']} this week: {len(cards)} new "
            f"item{'s' if len(cards) != 1 else ''}"
        ),
        template="digest",
        context={
            "items": cards,
            "until": timezone.localtime(until),
            "follows": services.describe(subscriber),
        },
        list_name="Digest",
        subscriber=subscriber,
    )
