from django.urls import path

from . import feed_views

app_name = "feeds"

urlpatterns = [
    path("", feed_views.index, name="index"),
    path("opml/", feed_views.opml, name="opml"),
]
