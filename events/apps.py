from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"

    def ready(self):
        from core.content_cache import register_deadline, watch
        from navigation.sections import register_sections, register_shared_address

        from . import registration
        from .models import Event, EventSpeaker
        from .sections import event_owns_address, event_sections
        from .services import next_event_change

        watch(Event, EventSpeaker)
        register_sections(event_sections)
        register_shared_address("events:detail", event_owns_address)
        register_deadline(next_event_change)
        registration.register()
