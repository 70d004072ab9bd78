from django.urls import path

from . import views

app_name = "research"

urlpatterns = [
    path("<slug:slug>/", views.centre, name="centre"),
]
