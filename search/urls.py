from django.urls import path

from . import views
from .feeds import FEEDS

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("feed/", FEEDS["rss"](), name="feed"),
    path("feed/atom/", FEEDS["atom"](), name="feed-atom"),
    path("feed/json/", FEEDS["json"](), name="feed-json"),
]
