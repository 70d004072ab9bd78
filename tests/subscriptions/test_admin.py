"""Subscribers in the back office: administrators only; search, filters, the ledger, the next
digest, and a data-protection export or erasure."""

import json

import pytest
from django.utils import timezone

from subscriptions import sending
from subscriptions.models import Consent, Delivery, Subscriber
from tests.factories import PublicationFactory

from .test_sending import reader

pytestmark = pytest.mark.django_db

LIST = "/admin/subscriptions/subscriber/"


@pytest.fixture
def readers(commentaries, policy_reports):
    first = reader("ana@example.org", series=[commentaries])
    Consent.objects.create(
        subscriber=first, action="subscribed", at=timezone.now(),
        source="/publications/commentaries/", choices="series: Commentaries",
    )  # fmt: skip
    second = reader("ben@example.org", frequency="weekly", events=True)
    return first, second


def test_administrators_search_and_filter_subscribers(administrator_client, readers,
                                                      django_assert_max_num_queries):  # fmt: skip
    with django_assert_max_num_queries(30):
        page = administrator_client.get(LIST)
    assert page.status_code == 200
    html = page.content.decode()
    assert "ana@example.org" in html and "series: Commentaries (an email for each new item)" in html
    found = administrator_client.get(LIST, {"q": "ben@"}).content.decode()
    assert "ben@example.org" in found and "ana@example.org" not in found
    events = administrator_client.get(LIST, {"follows": "events"}).content.decode()
    assert "ben@example.org" in events and "ana@example.org" not in events
    weekly = administrator_client.get(LIST, {"frequency__exact": "weekly"}).content.decode()
    assert "ben@example.org" in weekly and "ana@example.org" not in weekly


def test_subscribers_are_not_for_editors(editor_client, contributor_client, readers):
    first, _ = readers
    for client in (editor_client, contributor_client):
        assert client.get(LIST).status_code == 403
        assert client.get(f"{LIST}{first.pk}/export/").status_code == 403
        assert client.post(f"{LIST}{first.pk}/erase/").status_code == 403
    assert Subscriber.objects.filter(pk=first.pk).exists()


def test_export_and_erase_one_subscriber(administrator_client, readers, commentaries, smtp):
    first, _ = readers
    PublicationFactory(series=commentaries)
    sending.send_alerts(sending.announce_due()[0])
    exported = administrator_client.get(f"{LIST}{first.pk}/export/")
    assert exported["Content-Disposition"].startswith("attachment")
    data = json.loads(exported.content)
    assert data["email"] == "ana@example.org"
    assert data["consent"][0]["source"] == "/publications/commentaries/"
    assert len(data["emails"]) == 1 and data["emails"][0]["sent_at"]

    page = administrator_client.get(f"{LIST}{first.pk}/erase/")
    assert "cannot be undone" in page.content.decode()
    assert Subscriber.objects.filter(pk=first.pk).exists()  # asking is not erasing
    done = administrator_client.post(f"{LIST}{first.pk}/erase/")
    assert done.status_code == 302
    assert not Subscriber.objects.filter(email="ana@example.org").exists()
    assert not Consent.objects.filter(subscriber_id=first.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=first.pk).exists()
    assert administrator_client.get(f"{LIST}{first.pk}/export/").status_code == 404


def test_the_next_digest_and_the_ledger(administrator_client, readers, commentaries, smtp):
    _, weekly = readers
    weekly.series.set([commentaries])
    PublicationFactory(series=commentaries, title="Straits and Ports")
    preview = administrator_client.get(f"{LIST}{weekly.pk}/digest/")
    assert "Straits and Ports" in preview.content.decode()
    assert not Delivery.objects.exists()  # a preview claims and sends nothing
    sending.send_alerts(sending.announce_due()[0])
    ledger = administrator_client.get("/admin/subscriptions/delivery/").content.decode()
    assert "ana@example.org" in ledger
    sent = administrator_client.get("/admin/subscriptions/delivery/", {"outcome": "sent"})
    assert "ana@example.org" in sent.content.decode()
    assert administrator_client.get(f"{LIST}{weekly.pk}/digest/").status_code == 200
    assert administrator_client.get(f"{LIST}999999/digest/").status_code == 404
    assert administrator_client.get(f"{LIST}add/").status_code == 403
