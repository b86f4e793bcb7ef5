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


ERROR_SCHEMA = {
    "type": "object",
    "description": "A refusal: a machine-readable `code`, a sentence for people (`detail`) and, for invalid "
    "input, the field errors (`fields`).",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}, "fields": {"type": "object"}},
    "required": ["detail", "code"],
}
REFUSALS = {
    "400": "invalid input or a refusal (see `code`)",
    "401": "no valid credentials (session token or app-proxy signature)",
    "403": "this staff member may not do this (role, or disabled in the support app)",
    "404": "no such object for this shop or shopper",
    "429": "an abuse limit was reached; nothing was stored",
    "503": "the database is unavailable; nothing was stored, try again after Retry-After",
}


def document_refusals(result, generator, request, public):
    """drf-spectacular post-processing hook: every operation lists the refusals the shared machinery can
    answer, in the one error shape of ``shopapp.api.exceptions``, where its own annotations do not
    already: 401 everywhere; 403 on the admin API (roles, disabled staff); 429 on the widget API (the
    per-IP request limit of its authentication); 503 everywhere (``shopapp.database_unavailable``); 404
    with a path parameter; 400 with input. A refusal documented without a body gets the error shape."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            parameters = operation.get("parameters", [])
            codes = ["401", "403" if path.startswith("/api/admin/") else "429", "503"]
            if any(parameter.get("in") == "path" for parameter in parameters):
                codes.append("404")
            if "requestBody" in operation or any(parameter.get("in") == "query" for parameter in parameters):
                codes.append("400")
            for code in codes:
                operation["responses"].setdefault(code, {"description": REFUSALS[code]})
            for code, response in operation["responses"].items():
                if code in REFUSALS and "content" not in response:
                    response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return result
