"""Alerts and digests through a real SMTP server: who gets what, once, with the headers mail
providers require; scheduled items at their time; crashes, two senders, refusals."""

import datetime
import logging
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from publications.services import publication_release
from subscriptions import sending, services
from subscriptions.models import Announcement, Delivery, Subscriber
from tests.factories import EventFactory, PublicationFactory

from .conftest import html_of, publication, text_of

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 5, 4, 1, 0, tzinfo=datetime.UTC)  # 09:00 in Singapore


def reader(email, *, frequency="each", **follows):
    subscriber = Subscriber.objects.create(
        email=email,
        frequency=frequency,
        everything=follows.pop("everything", False),
        events=follows.pop("events", False),
        confirmed_at=timezone.now() - datetime.timedelta(days=30),
        digest_until=timezone.now() - datetime.timedelta(days=30),
    )
    for name, values in follows.items():
        getattr(subscriber, name).set(values)
    return subscriber


def publish(item, capture):
    """An editor's "Publish now", through the publications' own service, saved and committed."""
    with capture(execute=True):
        item.status = "published"
        publication_release(publication=item)
    item.refresh_from_db()
    return item


def test_an_alert_goes_to_each_follower_once(smtp, commentaries, policy_reports, region, author,
                                             django_capture_on_commit_callbacks):  # fmt: skip
    top, southeast = region
    item = publication(commentaries, title="Ports and Power", synopsis="Why ports matter.")
    item.categories.add(southeast)
    item.authorships.create(person=author, order=0)
    item.tags.add("maritime")
    followers = [
        reader("all@example.org", everything=True),
        reader("series@example.org", series=[commentaries]),
        reader("top@example.org", categories=[top]),  # a subject takes its subcategories along
        reader("author@example.org", authors=[author]),
        reader("two@example.org", series=[commentaries], authors=[author]),
    ]
    from taggit.models import Tag

    followers.append(reader("tag@example.org", tags=[Tag.objects.get(name="maritime")]))
    reader("other@example.org", series=[policy_reports])
    reader("events@example.org", events=True)
    reader("weekly@example.org", frequency="weekly", everything=True)
    gone = reader("gone@example.org", everything=True)
    gone.status = Subscriber.Status.LEFT
    gone.save()

    publish(item, django_capture_on_commit_callbacks)
    assert sorted(m["To"] for m in smtp.messages) == sorted(f.email for f in followers)
    assert smtp.connections == 1  # one connection for the whole batch
    message = smtp.to("series@example.org")[0]
    assert message["Subject"] == f"{item.code} Ports and Power"
    text = text_of(message)
    for line in (item.code, "Ports and Power", "Chris Cheang", "Why ports matter.",
                 f"https://www.rsis.example{item.get_absolute_url()}"):  # fmt: skip
        assert line in text
    assert "#8a1538" in html_of(message)  # the site's colour
    manage = services.manage_url(Subscriber.objects.get(email="series@example.org"))
    assert manage in text
    leave = services.leave_url(Subscriber.objects.get(email="series@example.org"))
    assert message["List-Unsubscribe"].strip() == f"<{leave}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "RSIS Alerts <alerts.www.rsis.example>"
    assert message["Message-ID"].endswith("@www.rsis.example>")
    assert message["Date"]
    assert Delivery.objects.filter(sent_at__isnull=False).count() == len(followers)

    # Withdrawn, then published again: nobody hears of it twice.
    smtp.clear()
    item.status = "withdrawn"
    item.save()
    publish(item, django_capture_on_commit_callbacks)
    call_command("periodic_tasks")
    assert smtp.messages == []


def test_a_scheduled_item_is_alerted_at_its_time(smtp, commentaries, time_machine,
                                                 django_capture_on_commit_callbacks):  # fmt: skip
    time_machine.move_to(MONDAY, tick=False)
    reader("series@example.org", series=[commentaries])
    item = publication(commentaries, title="Later")
    with django_capture_on_commit_callbacks(execute=True):
        item.status = "scheduled"
        item.published_at = MONDAY + datetime.timedelta(hours=3)
        publication_release(publication=item)
    call_command("periodic_tasks")
    assert smtp.messages == []  # not public yet
    time_machine.move_to(MONDAY + datetime.timedelta(hours=3, minutes=1))
    call_command("periodic_tasks")
    assert [m["To"] for m in smtp.messages] == ["series@example.org"]
    call_command("periodic_tasks")
    assert len(smtp.messages) == 1


def test_an_archive_is_not_announced(smtp, commentaries):
    reader("all@example.org", everything=True)
    PublicationFactory(series=commentaries,
                       published_at=timezone.now() - datetime.timedelta(days=400))  # fmt: skip
    call_command("periodic_tasks")
    assert smtp.messages == [] and not Announcement.objects.exists()


def test_a_series_can_be_kept_out_of_alerts(smtp, commentaries,
                                            django_capture_on_commit_callbacks):  # fmt: skip
    commentaries.alert_subscribers = False
    commentaries.save()
    reader("all@example.org", everything=True)
    publish(publication(commentaries), django_capture_on_commit_callbacks)
    assert smtp.messages == []


def test_events_are_alerted_to_those_who_follow_events(smtp, django_capture_on_commit_callbacks):
    reader("events@example.org", events=True)
    reader("all@example.org", everything=True)
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Maritime Security Seminar", published_at=timezone.now())
    [message] = smtp.messages
    assert message["To"] == "events@example.org"
    assert message["Subject"] == "Maritime Security Seminar"
    assert "(Singapore time)" in text_of(message)
    assert event.get_absolute_url() in text_of(message)


def test_no_duplicate_after_a_crash_between_claim_and_send(smtp, commentaries):
    subscriber = reader("series@example.org", series=[commentaries])
    item = PublicationFactory(series=commentaries)
    announcement = sending.announce_due()[0]
    # A sender claimed the email, then died before sending it.
    sending.claim([subscriber.pk], [item], Delivery.Kind.ALERT)
    assert sending.send_alerts(announcement) == (0, 0)
    assert smtp.messages == []  # at most once: lost, never doubled
    delivery = Delivery.objects.get()
    assert delivery.sent_at is None and delivery.failure == ""  # shown as interrupted


def test_two_senders_at_once_send_each_email_once(smtp, commentaries):
    subscribers = [reader(f"r{n}@example.org", series=[commentaries]) for n in range(4)]
    item = PublicationFactory(series=commentaries)
    first = sending.claim([s.pk for s in subscribers[:3]], [item], Delivery.Kind.ALERT)
    second = sending.claim([s.pk for s in subscribers], [item], Delivery.Kind.ALERT)
    assert [pk for pk, _ in first] == [s.pk for s in subscribers[:3]]
    assert [pk for pk, _ in second] == [subscribers[3].pk]  # only what the first left


def test_temporary_refusals_are_retried_and_permanent_ones_given_up(smtp, commentaries, caplog):
    reader("busy@example.org", series=[commentaries])
    reader("nobody@example.org", series=[commentaries])
    PublicationFactory(series=commentaries)
    announcement = sending.announce_due()[0]
    smtp.refuse("busy@example.org", "451 4.7.1 Try again later")
    smtp.refuse("nobody@example.org", "550 5.1.1 No such user")
    with caplog.at_level(logging.WARNING, logger="subscriptions.sending"):
        assert sending.send_alerts(announcement) == (1, 1)
    assert [m["To"] for m in smtp.messages] == ["busy@example.org"]  # on its second try
    given_up = Delivery.objects.get(subscriber__email="nobody@example.org")
    assert given_up.sent_at is None and given_up.failure.startswith("refused: 550")
    assert "550" in caplog.text


def test_the_weekly_digest_on_its_day(smtp, commentaries, policy_reports, time_machine):
    time_machine.move_to(MONDAY - datetime.timedelta(days=3), tick=False)
    weekly = reader("weekly@example.org", frequency="weekly", series=[commentaries])
    reader("each@example.org", series=[commentaries])

    def ago(**moment):
        return timezone.now() - datetime.timedelta(**moment)

    old = PublicationFactory(series=commentaries, title="Last month", published_at=ago(days=20))
    first = PublicationFactory(series=commentaries, title="Straits", published_at=ago(hours=1))
    PublicationFactory(series=policy_reports, title="Not followed")
    second = PublicationFactory(series=commentaries, title="Ports", published_at=ago(minutes=5))
    sending.send_digests()  # Friday: the digest of last Monday was sent before these
    weekly.refresh_from_db()
    assert not smtp.to("weekly@example.org")

    time_machine.move_to(MONDAY + datetime.timedelta(minutes=1))
    call_command("periodic_tasks")
    [digest] = smtp.to("weekly@example.org")
    text = text_of(digest)
    assert digest["Subject"] == "RSIS this week: 2 new items"
    assert "Straits" in text and "Ports" in text
    assert "Not followed" not in text and old.title not in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {d.object_id for d in Delivery.objects.filter(kind="digest")} == {first.pk, second.pk}
    call_command("periodic_tasks")  # run again (or by a second sender): nothing more
    assert len(smtp.to("weekly@example.org")) == 1


@pytest.mark.django_db(transaction=True)  # the worker commits, and closes its connection
def test_the_queue_worker_sends_what_was_queued(smtp, settings, commentaries,
                                                django_capture_on_commit_callbacks):  # fmt: skip
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reader("series@example.org", series=[commentaries])
    publish(publication(commentaries), django_capture_on_commit_callbacks)
    assert smtp.messages == []  # queued, not sent in the editor's request
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert [m["To"] for m in smtp.messages] == ["series@example.org"]


def test_the_queries_of_an_alert_do_not_grow_with_its_readers(
    smtp, commentaries, django_assert_max_num_queries
):
    for number in range(40):
        reader(f"r{number}@example.org", series=[commentaries])
    PublicationFactory(series=commentaries)
    announcement = sending.announce_due()[0]
    with django_assert_max_num_queries(18):  # the item, who follows it, one batch's claim...
        assert sending.send_alerts(announcement) == (40, 0)
    assert len(smtp.messages) == 40 and smtp.connections == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two senders at once need a server database"
)
def test_two_senders_running_at_once_send_each_email_once(smtp, settings, commentaries):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for number in range(60):
        reader(f"r{number}@example.org", series=[commentaries])
    PublicationFactory(series=commentaries)
    announcement = sending.announce_due()[0]
    start = threading.Barrier(2)
    outcomes = []

    def run():
        start.wait()
        try:
            outcomes.append(sending.send_alerts(announcement))
        finally:
            connection.close()

    senders = [threading.Thread(target=run) for _ in range(2)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert sum(sent for sent, _ in outcomes) == 60
    assert sorted(m["To"] for m in smtp.messages) == sorted(f"r{n}@example.org" for n in range(60))
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 60
