"""The subscribers' work, done by the task queue's worker (``manage.py db_worker``), never in
a visitor's or an editor's request."""

from django_tasks import task

from . import mail, sending
from .models import Announcement


@task()
def send_confirmation(email, token):
    with sending.Sender() as sender:
        sender.send(mail.confirmation(email, token), [])


@task()
def announce_new_items():
    """Start the alerts of what became public (run after each publication and every minute,
    for items that go out at their scheduled time)."""
    for announcement in sending.announce_due():
        send_alerts.enqueue(announcement.pk)


@task()
def send_alerts(announcement_pk):
    announcement = Announcement.objects.filter(pk=announcement_pk).first()
    if announcement is not None:
        sending.send_alerts(announcement)


@task()
def send_digests():
    sending.send_digests()
