from django.urls import path

from . import views
from .feeds import AtomMediaFeed, MediaFeed

app_name = "newsroom"

urlpatterns = [
    path("media/", views.index, name="index"),
    path("media/<slug:kind>/", views.kind, name="kind"),
    path("media/<slug:kind>/<slug:slug>/", views.detail, name="detail"),
    path("feeds/media/<slug:kind>/rss/", MediaFeed(), name="feed"),
    path("feeds/media/<slug:kind>/atom/", AtomMediaFeed(), name="feed-atom"),
]
