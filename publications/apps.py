from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.content_cache import register_deadline, watch
        from navigation.sections import register_sections, register_shared_address
        from staff.models import also_public

        from . import printing, registration
        from .models import (
            Authorship,
            Category,
            ExternalPublication,
            GeneratedPDF,
            Publication,
            Series,
            authored_public_work,
        )
        from .sections import publication_sections, series_owns_address
        from .services import next_scheduled_time

        watch(Authorship, Category, ExternalPublication, Publication, Series)
        register_sections(publication_sections)
        register_shared_address("publications:series", series_owns_address)
        register_deadline(next_scheduled_time)
        also_public(authored_public_work)
        registration.register()
        post_save.connect(printing.forget_unpublished, sender=Publication)
        post_delete.connect(printing.remove_file, sender=GeneratedPDF)
