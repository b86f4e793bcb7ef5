import pytest


@pytest.mark.django_db
def test_schema_lists_admin_endpoints_with_session_token_auth(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/admin/me" in schema["paths"]
    assert schema["paths"]["/api/admin/me"]["get"]["security"] == [{"shopifySessionToken": []}]
    assert schema["components"]["securitySchemes"]["shopifySessionToken"]["scheme"] == "bearer"
