from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("<slug:slug>/", views.group, name="group"),
]
