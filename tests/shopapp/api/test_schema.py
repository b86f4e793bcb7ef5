import pytest


@pytest.mark.django_db
def test_schema_lists_admin_endpoints_with_session_token_auth(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/admin/me" in schema["paths"]
    assert schema["paths"]["/api/admin/me"]["get"]["security"] == [{"shopifySessionToken": []}]
    assert schema["components"]["securitySchemes"]["shopifySessionToken"]["scheme"] == "bearer"


@pytest.mark.django_db
def test_every_operation_documents_its_refusals_in_the_error_shape(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail", "code"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            answers = operation["responses"]
            expected = {"401", "503", "403" if path.startswith("/api/admin/") else "429"}
            if "{" in path:
                expected.add("404")
            assert expected <= set(answers), (method, path)
            assert all(answers[code]["content"] == error for code in expected), (method, path)
    inbox = schema["paths"]["/api/admin/conversations"]["get"]["responses"]
    assert (set(inbox), inbox["200"]["content"]["application/json"]["schema"]) == (
        {"200", "400", "401", "403", "503"}, {"$ref": "#/components/schemas/ConversationPage"})


def test_an_api_url_that_names_no_endpoint_is_a_json_404(client):
    response = client.get("/api/admin/conversations/not-a-number")
    assert (response.status_code, response["Content-Type"], response.json()) == (
        404, "application/json", {"detail": "not found", "code": "not_found"})
    assert client.get("/no-such-page").headers["Content-Type"].startswith("text/html")
