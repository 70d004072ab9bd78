from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "People"

    def ready(self):
        from navigation.sections import register_sections

        from . import signals  # noqa: F401
        from .sections import staff_sections

        register_sections(staff_sections)
