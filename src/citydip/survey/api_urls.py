from django.urls import path

from citydip.survey import api

app_name = "api"
urlpatterns = [
    path("openapi.json", api.openapi_document, name="openapi"),
    path("v1/responses/<str:token>", api.response_endpoint, name="response"),
]
