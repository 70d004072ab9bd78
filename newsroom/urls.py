from django.urls import path

from . import views
from .feeds import FEEDS

app_name = "newsroom"

urlpatterns = [
    path("media/", views.index, name="index"),
    path("media/<slug:kind>/", views.kind, name="kind"),
    path("media/<slug:kind>/<slug:slug>/", views.detail, name="detail"),
    path("feeds/media/<slug:kind>/rss/", FEEDS["rss"](), name="feed"),
    path("feeds/media/<slug:kind>/atom/", FEEDS["atom"](), name="feed-atom"),
    path("feeds/media/<slug:kind>/json/", FEEDS["json"](), name="feed-json"),
]
