import os
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.demo import site_settings_load_demo
from editorial.roles import CONTRIBUTOR, EDITOR
from events.demo import events_load_demo
from library.demo import library_load_demo
from navigation.demo import demo_pages, menu_load_demo
from newsroom.demo import newsroom_load_demo
from publications.demo import demo_pictures, publications_load_demo
from publications.generator import generate_publications
from publications.sections import series_section_by_slug
from research.demo import centres_load_demo
from research.sections import centre_section_by_slug
from search.indexing import rebuild as search_rebuild
from search.models import SearchEntry
from staff.demo import placeholder_photo, staff_load_demo
from staff.sections import group_section_by_slug

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD_DEFAULT = "rsis-demo-admin"  # noqa: S105 - documented local demo account
DEMO_ROLE_ACCOUNTS = [("editor", EDITOR), ("contributor", CONTRIBUTOR)]
# How the demo menu's items that open another app's object, named by slug, find its key.
SECTION_LOOKUPS = {
    "publications:series": series_section_by_slug,
    "research:centre": centre_section_by_slug,
    "staff:group": group_section_by_slug,
}


class Command(BaseCommand):
    help = (
        "Load the demo content (site facts, people, centres, publications, full menu). "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin account."
        )
        parser.add_argument(
            "--no-photos",
            action="store_true",
            help="Skip the generated portraits (faster; profiles then show initials).",
        )
        parser.add_argument(
            "--publications",
            type=int,
            default=0,
            metavar="N",
            help="Also generate N random published items (for trying the site at scale).",
        )

    def handle(self, *args, **options):
        if options["publications"] < 0:
            raise CommandError("--publications takes a number of items, zero or more.")
        site_settings_load_demo()
        pages = demo_pages()
        people = staff_load_demo(
            pages=pages, photo_maker=None if options["no_photos"] else placeholder_photo
        )
        centres = centres_load_demo(pages=pages)
        publications = publications_load_demo()
        events = events_load_demo()
        media = newsroom_load_demo()
        pictures = library_load_demo(demo_pictures())
        items = menu_load_demo(section_lookups=SECTION_LOOKUPS, pages=pages)
        if options["verbosity"]:
            self.stdout.write(f"Created {people} people, {centres} centres and {items} menu items.")
            self.stdout.write(
                "Created {series} series, {categories} categories, {publications} publications "
                "and {external} external publications.".format(**publications)
            )
            self.stdout.write(f"Created {events} events and {media} media items.")
            self.stdout.write(f"Put {pictures} pictures in the media library.")
        if options["publications"] > 0:
            started = time.perf_counter()
            generated = generate_publications(options["publications"])
            search_rebuild([SearchEntry.Kind.PUBLICATION])  # bulk-created: no signals fired
            self.stdout.write(
                f"Generated {generated} publications in {time.perf_counter() - started:.1f} s."
            )
        if not options["no_admin"]:
            self._demo_admin()

    def _demo_admin(self):
        """The demo's accounts: a superuser, and one member of each editorial role."""
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD_DEFAULT)
        user_model = get_user_model()
        accounts = [(DEMO_ADMIN_USERNAME, None), *DEMO_ROLE_ACCOUNTS]
        for username, role in accounts:
            if user_model.objects.filter(username=username).exists():
                self.stdout.write(f"Demo account “{username}” already exists.")
                continue
            if role is None:
                user_model.objects.create_superuser(username, "", password)
            else:
                user = user_model.objects.create_user(username, "", password, is_staff=True)
                user.groups.add(Group.objects.get(name=role))
            self.stdout.write(
                f"Demo account created: username “{username}”, password “{password}”"
                + (f" ({role})." if role else " (superuser).")
            )
