from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "News and media"

    def ready(self):
        from core.content_cache import watch
        from navigation.sections import register_sections, register_shared_address

        from . import registration
        from .models import MediaItem
        from .sections import kind_owns_address, media_sections

        watch(MediaItem)
        register_sections(media_sections)
        register_shared_address("newsroom:kind", kind_owns_address)
        register_shared_address("newsroom:detail", kind_owns_address)
        registration.register()
