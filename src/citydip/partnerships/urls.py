from django.urls import path

from citydip.partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.review_decide, name="review-decide"),
]
