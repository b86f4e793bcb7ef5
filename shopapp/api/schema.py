"""OpenAPI description of the admin API's authentication (drf-spectacular extension)."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = "shopapp.auth.session_tokens.SessionTokenAuthentication"
    name = "shopifySessionToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "A Shopify session token from App Bridge (HS256, aud = the app's API key, "
            "dest = the shop). Invalid tokens get 401 with X-Shopify-Retry-Invalid-Session-Request: 1.",
        }
