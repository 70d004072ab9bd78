"""Queue what is due by the clock: alerts of items whose scheduled time has come, the weekly
digest, corrections scheduled to go live.

Run it every minute (cron: ``* * * * * manage.py periodic_tasks``), or once with ``--every
60`` to keep running (``make run`` does); the worker (``manage.py db_worker``) does the work.
Running it twice at once is harmless: each item is announced once, each digest claimed once.
"""

import time

from django.core.management.base import BaseCommand

from editorial.corrections import publish_due_corrections
from subscriptions import tasks


class Command(BaseCommand):
    help = "Queue the alerts, digests and scheduled corrections that are due (every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            help="Keep running, every this many seconds (default: once, for cron).",
        )

    def handle(self, *args, every, **options):
        while True:
            self.tick()
            if not every:
                return
            time.sleep(every)

    def tick(self):
        tasks.announce_new_items.enqueue()
        tasks.send_digests.enqueue()
        for pending, problem in publish_due_corrections():
            if problem:
                self.stderr.write(f"Correction {pending.pk} not published: {problem}.")
