from django.urls import path

from . import views
from .feeds import SearchFeed

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("feed/", SearchFeed(), name="feed"),
]
