from django.urls import path

from . import views

app_name = "editorial"

urlpatterns = [
    path("<str:token>/", views.review, name="review"),
    path("<str:token>/pdf/", views.review_pdf, name="review-pdf"),
]
