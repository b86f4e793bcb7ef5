from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("app", views.app_home, name="app-home"),
    # The admin's client-side routes (/app/inbox, /app/conversations/12, ...) load the same shell.
    path("app/<path:screen>", views.app_home, name="app-screen"),
    path("dev/open", views.dev_open, name="dev-open"),
    path("dev/session-token", views.dev_session_token, name="dev-session-token"),
]
