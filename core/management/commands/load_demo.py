import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core import demo as core_demo
from core.services import site_settings_load_demo
from navigation import demo as menu_demo
from navigation.demo_pages import PAGES
from navigation.services import menu_build_demo

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD_DEFAULT = "rsis-demo-admin"  # noqa: S105 - documented local demo account


class Command(BaseCommand):
    help = "Load the demo content (site facts, full menu, pages). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin account."
        )

    def handle(self, *args, **options):
        site_settings_load_demo(
            site=core_demo.SITE,
            social_links=core_demo.SOCIAL_LINKS,
            footer_links=core_demo.FOOTER_LINKS,
        )
        created = menu_build_demo(entries=menu_demo.walk(), pages=PAGES)
        if options["verbosity"]:
            self.stdout.write(f"Menu: {created} item(s) created.")
        if not options["no_admin"]:
            self._demo_admin()

    def _demo_admin(self):
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD_DEFAULT)
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            self.stdout.write(f"Demo admin account “{DEMO_ADMIN_USERNAME}” already exists.")
            return
        user_model.objects.create_superuser(DEMO_ADMIN_USERNAME, "", password)
        self.stdout.write(
            f"Demo admin account created: username “{DEMO_ADMIN_USERNAME}”, password “{password}”."
        )
