from django.urls import path

from .agents import AgentListApi
from .me import MeApi

urlpatterns = [
    path("me", MeApi.as_view(), name="admin-me"),
    path("agents", AgentListApi.as_view(), name="admin-agents"),
]
