from django.urls import path

from . import views

app_name = "navigation"

urlpatterns = [
    path("<path:path>/", views.page, name="page"),
]
