"""Put live the corrections kept for later whose scheduled time has come.

Run it every minute (cron, or the site's periodic tasks): a correction scheduled for 09:00 is
on the public page by 09:01. Each is published as its editor pressing “Publish correction”,
with the same checks; one that can no longer be published stays kept, without its time, and
is reported here and in the log.
"""

from django.core.management.base import BaseCommand

from editorial.corrections import publish_due_corrections


class Command(BaseCommand):
    help = "Publish the corrections kept for later whose scheduled time has come."

    def handle(self, *args, **options):
        done = publish_due_corrections()
        for pending, problem in done:
            item = f"{pending.content_type.name} {pending.object_id}"
            if problem:
                self.stderr.write(f"Not published: the correction of {item}: {problem}.")
            else:
                self.stdout.write(f"Published the correction of {item}.")
        if not done:
            self.stdout.write("No correction is due.")
