from django.urls import path

from . import views

# Included under the namespace "core": menu items store the home page as "core:home".
urlpatterns = [
    path("", views.home, name="home"),
]
