from django.urls import path

from citydip.partnerships import manual_views, views

app_name = "partnerships"
urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.review_decide, name="review-decide"),
    path("review/decision/<int:pk>/undo/", views.review_undo, name="review-undo"),
    path("new/", manual_views.add, name="add"),
    path("<int:pk>/", manual_views.detail, name="partnership"),
    path("<int:pk>/end/", manual_views.end, name="end"),
]
