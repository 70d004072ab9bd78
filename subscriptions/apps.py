from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = "Email subscribers"

    def ready(self):
        from django.db.models.signals import post_save

        from events.models import Event
        from publications.models import Publication

        from .signals import item_saved

        for model in (Publication, Event):
            post_save.connect(item_saved, sender=model, dispatch_uid=f"subscriptions:{model}")
