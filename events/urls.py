from django.urls import path

from . import views
from .feeds import FEEDS

app_name = "events"

urlpatterns = [
    path("events/", views.index, name="index"),
    path("events/calendar.ics", views.calendar, name="calendar"),
    path("events/<slug:slug>/", views.detail, name="detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("feeds/events/rss/", FEEDS["rss"](), name="feed"),
    path("feeds/events/atom/", FEEDS["atom"](), name="feed-atom"),
    path("feeds/events/json/", FEEDS["json"](), name="feed-json"),
]
