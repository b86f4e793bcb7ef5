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


class AppProxyScheme(OpenApiAuthenticationExtension):
    target_class = "support.api.widget.AppProxyAuthentication"
    name = "shopifyAppProxy"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "query",
            "name": "signature",
            "description": "Shopify's app-proxy signature over the query (shop, timestamp, logged_in_customer_id, "
            "path_prefix and the storefront's own parameters); an anonymous visitor adds X-Visitor-Token.",
        }
