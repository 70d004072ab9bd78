from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site settings"

    def ready(self):
        from core.content_cache import watch

        from .models import FooterLink, SiteSettings, SocialLink

        watch(FooterLink, SiteSettings, SocialLink)
