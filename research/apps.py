from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research centres and programmes"

    def ready(self):
        from core.content_cache import watch
        from navigation.sections import register_sections, register_shared_address

        from . import registration
        from .models import Centre
        from .sections import centre_owns_address, research_sections

        watch(Centre)
        register_sections(research_sections)
        register_shared_address("research:centre", centre_owns_address)
        registration.register()
