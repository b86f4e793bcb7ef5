from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from shopapp.views import health, install

# Webhooks first: the busiest URLs resolve without walking the others.
urlpatterns = [
    path("webhooks/", include("webhooks.urls")),
    path("webhooks/email/", include("support.api.email_urls")),
    path("healthz", health.healthz, name="healthz"),
    path("auth/install", install.oauth_install, name="oauth-install"),
    path("auth/callback", install.oauth_callback, name="oauth-callback"),
    path("auth/patch-id-token", install.patch_id_token, name="patch-id-token"),
    path("api/admin/", include("shopapp.api.urls")),
    path("api/admin/", include("webhooks.api_urls")),
    path("api/admin/", include("support.api.urls")),
    path("api/widget/", include("support.api.widget_urls")),
    path("api/schema/", SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]), name="schema"),
    path("", include("frontend.urls")),
]
handler404 = "shopapp.api.exceptions.not_found"
