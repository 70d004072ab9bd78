from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site settings"

    def ready(self):
        from core.content_cache import on_change, watch

        from .cdn import purge_after_change
        from .models import FooterLink, SiteSettings, SocialLink

        watch(FooterLink, SiteSettings, SocialLink)
        on_change(purge_after_change)
