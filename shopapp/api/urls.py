from django.urls import path

from .me import MeApi

urlpatterns = [
    path("me", MeApi.as_view(), name="admin-me"),
]
