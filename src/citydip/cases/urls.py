from django.urls import path

from citydip.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="index"),
    path("compare/", views.compare, name="compare"),
    path("qca/", views.qca, name="qca"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/status/", views.case_status, name="status"),
    path("<int:pk>/events/", views.event_add, name="event-add"),
    path("<int:pk>/visits/", views.visit_add, name="visit-add"),
    path("<int:pk>/chapter/", views.chapter, name="chapter"),
]
