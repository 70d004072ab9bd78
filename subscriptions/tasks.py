"""The subscribers' work, done by the task queue's worker (``manage.py db_worker``), never in
a visitor's or an editor's request."""

from django_tasks import task

from core.cdn import purge_after_change

from . import mail, sending
from .models import Announcement


@task()
def send_confirmation(email, token):
    with sending.Sender() as sender:
        sender.send(mail.confirmation(email, token), [])


@task()
def announce_new_items():
    """Start the alerts of what became public (run after each publication and every minute,
    for items that go out at their scheduled time). An item out by the clock changed no row,
    so the shared caches are told here too."""
    started = sending.announce_due()
    for announcement in started:
        send_alerts.enqueue(announcement.pk)
    if started:
        purge_after_change()


@task()
def send_alerts(announcement_pk):
    announcement = Announcement.objects.filter(pk=announcement_pk).first()
    if announcement is not None:
        sending.send_alerts(announcement)


@task()
def send_digests():
    sending.send_digests()
