from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("app", views.app_home, name="app-home"),
    path("dev/open", views.dev_open, name="dev-open"),
    path("dev/session-token", views.dev_session_token, name="dev-session-token"),
]
