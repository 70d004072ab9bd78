from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "People"

    def ready(self):
        from core.content_cache import watch
        from navigation.sections import register_sections

        from . import registration
        from .models import ExpertiseArea, Membership, Person, PersonExpertise, StaffGroup
        from .sections import staff_sections

        watch(ExpertiseArea, Membership, Person, PersonExpertise, StaffGroup)
        register_sections(staff_sections)
        registration.register()
